import { describeFound } from './describe';
import { z } from 'zod';
import { RegionInfo } from 'aws-cdk-lib/region-info';
import { BASELINE_DEFAULTS } from '../policy/defaults';
import { DPP, type PolicyProfile } from '../policy/profile';
import {
  approvedCidrCountProblem, approvedCidrProblem, copyRegionProblem, distinctPortsProblem, egressDomainProblem, egressDomainsProblem, incidentContactProblem, logRetentionProblem,
  MAX_ALLOWED_DOMAINS, piiRetentionProblem, portProblem, vpcCidrProblem,
} from '../policy/validators';

/**
 * The environment configuration, validated under a policy profile (`dpp.policy`) by the same
 * validators the constructs use (lib/policy/validators.ts), so a config that validates synthesizes.
 */

/** @deprecated read `policy.values.piiRetentionDays` of the profile in force (lib/policy). */
export const MAX_PII_RETENTION_DAYS = DPP.values.piiRetentionDays;
/** @deprecated read `policy.values.logRetentionDays` of the profile in force (lib/policy). */
export const MIN_LOG_RETENTION_DAYS = DPP.values.logRetentionDays;
/** @deprecated read `policy.values.widestApprovedPrefixV4` of the profile in force (lib/policy). */
export const WIDEST_APPROVED_PREFIX_V4 = DPP.values.widestApprovedPrefixV4;

const knownRegions = new Set(RegionInfo.regions.map((r) => r.name));

const account = z.string().regex(/^\d{12}$/, 'must be a 12-digit AWS account ID');

const region = z.string().superRefine((r, ctx) => {
  if (!knownRegions.has(r)) ctx.addIssue({ code: 'custom', message: `${JSON.stringify(r)} is not a known AWS region` });
});

/** A zod check from a shared validator: the validator's problem becomes the issue. */
function checked<T>(schema: z.ZodType<T>, problem: (value: T) => string | undefined) {
  return schema.superRefine((value, ctx) => {
    const message = problem(value);
    if (message) ctx.addIssue({ code: 'custom', message });
  });
}

const port = checked(z.number(), portProblem);

/**
 * How an environment gets a detective service: `true` creates it; `"existing"` relies on the one an
 * organization administrator already runs (under Control Tower, Security Hub or a delegated
 * administrator), creating nothing that would conflict but keeping what the DPP adds on top of it
 * (Config rules, routes of findings to the security topic); `false` leaves the service and those
 * additions out, only where the DPP controls are covered another way. Shared with other tri-state
 * feature keys.
 */
export const featureSwitchSchema = z.union([z.boolean(), z.literal('existing')], {
  error: (issue) => `expected true, false or "existing" (an organization administrator already runs the service), found ${describeFound(issue.input)}`,
});
/** A tri-state feature: created here, absent, or run by the organization (`"existing"`). */
export type FeatureSwitch = z.infer<typeof featureSwitchSchema>;

/** A data-protection control's mode, the same three values as the detective services'. */
const triState = featureSwitchSchema.default(true);

/** The value of a tri-state feature: `true`, `false` or `"existing"`. */
export type FeatureMode = boolean | 'existing';

/**
 * Optional services an environment may turn off, e.g. where an organization administrator account
 * already runs them. Turning one off is explicit and shows up in the coverage report.
 */
export const featuresSchema = z.strictObject({
  /** Amazon GuardDuty detector (DPP 2.7 Incident Response). */
  guardDuty: featureSwitchSchema.default(true),
  /** AWS Security Hub with the Foundational and CIS standards (DPP 2.7). */
  securityHub: featureSwitchSchema.default(true),
  /** AWS Config recorder and delivery channel (DPP 3.3 Asset Management). */
  config: featureSwitchSchema.default(true),
  /** Amazon Macie for S3 (DPP 3.3 data loss prevention). */
  macie: featureSwitchSchema.default(true),
  /** Amazon Inspector (DPP 3.7 Vulnerability Management). */
  inspector: featureSwitchSchema.default(true),
  /** The Cognito user pool for the application's own users (DPP 2.2, 2.4). */
  userPool: z.boolean().default(true),
  // Issue 15, the DPP in full. `"existing"`: an organization already runs the control for this
  // account (e.g. an organization trail logging data events); the baseline then acknowledges the
  // rule that asks for it with that reason, so the report shows it.
  /** CloudTrail data events of the PII stores (DPP 3.6 storage-layer logging). */
  dataEvents: triState,
  /** Canary records in every PII store and the alarm on any access to one (DPP 3.6 investigative alarms). */
  canaryRecords: triState,
  /** Anomaly-detection alarms on each PII store's read volume (DPP 3.6 investigative alarms). */
  readAnomalyAlarms: triState,
  /** The account-level CloudWatch Logs data-protection policy that masks PII in logs (DPP 3.6). */
  logDataProtection: triState,
  /** IAM Access Analyzer, external and unused access (DPP 2.2 access baselining). */
  accessAnalyzer: triState,
  /** AWS Backup plans of the PII stores, within the PII retention, with restore testing (DPP 3.7). */
  backups: triState,
  /** A WAFv2 web ACL allowing only approvedCidrs, for the public entry points a workload adds (DPP 2.1). */
  edgeFirewall: triState,
  /** Amazon Macie findings routed to the security topic (DPP 3.3 data loss prevention). */
  dataLossAlerts: triState,
  /** AWS Network Firewall on the application tier's egress, allowing `egressAllowedDomains` only (DPP 2.1); billed per endpoint-hour, so off by default. */
  networkFirewall: z.boolean().default(false),
});

/** One environment's schema under a profile. */
export function environmentSchemaFor(policy: PolicyProfile) {
  return z
  .strictObject({
    account,
    region,
    availabilityZones: z.array(z.string()).min(1, 'must name at least one availability zone'),
    approvedCidrs: checked(z.array(checked(z.string(), (cidr) => approvedCidrProblem(cidr, policy))), (list) => approvedCidrCountProblem(list.length)),
    alertEmail: z.email('must be an e-mail address for security alerts (DPP 2.7)'),
    /** The Incident Management Point of Contact, e.g. "Jane Doe <jane@example.com>"; required where the profile says so (dpp-2025). */
    incidentContact: z.string().trim().min(1, 'must name the Incident Management Point of Contact').optional(),
    backupCopyRegion: region.optional(),
    /** The domains the application tier may reach through the Network Firewall (`features.networkFirewall`). */
    egressAllowedDomains: z.array(checked(z.string(), egressDomainProblem)).optional(),
    piiRetentionDays: z.number().default(policy.values.piiRetentionDays),
    legalBasis: z.string().trim().min(1).optional(),
    logRetentionDays: checked(z.number(), (days) => logRetentionProblem(days, policy)).default(Math.max(BASELINE_DEFAULTS.logRetentionDays, policy.values.logRetentionDays)),
    vpcCidr: checked(z.string(), vpcCidrProblem).optional(),
    applicationPort: port.default(8443),
    databasePort: port.default(5432),
    features: featuresSchema.default(() => featuresSchema.parse({})),
  })
  .superRefine((env, ctx) => {
    env.availabilityZones.forEach((az, i) => {
      if (!new RegExp(`^${env.region}[a-z]$`).test(az)) {
        ctx.addIssue({ code: 'custom', path: ['availabilityZones', i], message: `${JSON.stringify(az)} is not an availability zone of ${env.region}` });
      }
    });
    if (new Set(env.availabilityZones).size !== env.availabilityZones.length) {
      ctx.addIssue({ code: 'custom', path: ['availabilityZones'], message: 'lists an availability zone twice' });
    }
    const retention = piiRetentionProblem(env.piiRetentionDays, env.legalBasis, policy);
    if (retention) ctx.addIssue({ code: 'custom', path: [retention.key === 'legalBasis' ? 'legalBasis' : 'piiRetentionDays'], message: retention.problem });
    const ports = distinctPortsProblem(env.applicationPort, env.databasePort);
    if (ports) ctx.addIssue({ code: 'custom', path: ['databasePort'], message: ports });
    const contact = incidentContactProblem(env.incidentContact, policy);
    if (contact) ctx.addIssue({ code: 'custom', path: ['incidentContact'], message: contact });
    const copy = copyRegionProblem(env.backupCopyRegion, env.region, policy);
    if (copy && env.features.backups !== false) ctx.addIssue({ code: 'custom', path: ['backupCopyRegion'], message: copy });
    if (env.features.canaryRecords === true && env.features.dataEvents !== true) {
      ctx.addIssue({ code: 'custom', path: ['features', 'canaryRecords'], message: 'needs features.dataEvents: true (the canary alarms read the PII stores\' data events in this environment\'s trail log group)' });
    }
    if (env.features.networkFirewall) {
      const domains = egressDomainsProblem(env.egressAllowedDomains ?? [], MAX_ALLOWED_DOMAINS);
      if (domains) ctx.addIssue({ code: 'custom', path: ['egressAllowedDomains'], message: `${domains} (features.networkFirewall is true)` });
    }
  });
}

/** One environment's schema under the `dpp` profile. */
export const environmentSchema = environmentSchemaFor(DPP);

/** The whole configuration's schema under a profile. `policy` names it (read before the rest is validated). */
export function configSchemaFor(policy: PolicyProfile) {
  const environment = environmentSchemaFor(policy);
  return z
  .strictObject({
    /** The policy profile: `dpp` (default), `dpp-2025`, or a profile file (README "Policy profiles"). */
    policy: z.string().optional(),
    environments: z.strictObject({
      test: environment,
      prod: environment,
    }),
  })
  .superRefine((config, ctx) => {
    const { test, prod } = config.environments;
    if (test.account === prod.account) {
      ctx.addIssue({
        code: 'custom',
        path: ['environments', 'prod', 'account'],
        message: `test and prod use the same account ${prod.account}; they must be separate (DPP 3.5)`,
      });
    }
  });
}

/** The configuration's schema under the `dpp` profile. */
export const configSchema = configSchemaFor(DPP);

/** Which of the two environments: test or prod. */
export type EnvironmentName = 'test' | 'prod';
/** One environment's validated configuration, defaults applied. */
export type EnvironmentConfig = z.infer<typeof environmentSchema>;
/** The optional features of an environment. */
export type FeaturesConfig = z.infer<typeof featuresSchema>;
/** The validated DPP configuration, with the profile `policy` names. */
export type DppConfig = z.infer<typeof configSchema> & { readonly profile?: PolicyProfile };
/** Raw input, before defaults. */
export type DppConfigInput = z.input<typeof configSchema>;
