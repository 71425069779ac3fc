import { z } from 'zod';
import { RegionInfo } from 'aws-cdk-lib/region-info';
import { isWholeInternet, parseCidr } from './cidr';

/** The maximum PII retention without a documented legal basis (DPP 3.1 Data Retention). */
export const MAX_PII_RETENTION_DAYS = 30;
/** The minimum log retention (DPP 3.6 Logging and Monitoring). */
export const MIN_LOG_RETENTION_DAYS = 90;
/** The widest approved inbound range (DPP 2.1 Network Protection: deny unauthorised IPs). */
export const WIDEST_APPROVED_PREFIX_V4 = 8;
export const WIDEST_APPROVED_PREFIX_V6 = 32;

const knownRegions = new Set(RegionInfo.regions.map((r) => r.name));

const account = z.string().regex(/^\d{12}$/, 'must be a 12-digit AWS account ID');

const region = z.string().superRefine((r, ctx) => {
  if (!knownRegions.has(r)) ctx.addIssue({ code: 'custom', message: `${JSON.stringify(r)} is not a known AWS region` });
});

const approvedCidr = z.string().superRefine((value, ctx) => {
  const cidr = parseCidr(value);
  if (!cidr) {
    ctx.addIssue({ code: 'custom', message: `${JSON.stringify(value)} is not a valid CIDR block` });
  } else if (isWholeInternet(cidr)) {
    ctx.addIssue({ code: 'custom', message: `${value} is not allowed (DPP 2.1: deny unauthorised IPs)` });
  } else {
    const widest = cidr.family === 4 ? WIDEST_APPROVED_PREFIX_V4 : WIDEST_APPROVED_PREFIX_V6;
    if (cidr.prefixLength < widest) {
      ctx.addIssue({
        code: 'custom',
        message: `${value} is wider than /${widest} (DPP 2.1: approve specific ranges, not the internet)`,
      });
    }
  }
});

const port = z.number().int().min(1).max(65535);

/**
 * A control's mode: on, off, or `"existing"` where an organization already provides it for the
 * account (issue 12 brings the same shape for the detective services; the lead unifies them).
 */
const triState = z.union([z.boolean(), z.literal('existing')], { error: 'must be true, false or "existing" (an organization already runs it for this account)' }).default(true);

/** The value of a tri-state feature: `true`, `false` or `"existing"`. */
export type FeatureMode = boolean | 'existing';

/**
 * Optional services an environment may turn off, e.g. where an organization administrator account
 * already runs them. Turning one off is explicit and shows up in the coverage report.
 */
export const featuresSchema = z.strictObject({
  /** Amazon GuardDuty detector (DPP 2.7 Incident Response). */
  guardDuty: z.boolean().default(true),
  /** AWS Security Hub with the Foundational and CIS standards (DPP 2.7). */
  securityHub: z.boolean().default(true),
  /** AWS Config recorder and delivery channel (DPP 3.3 Asset Management). */
  config: z.boolean().default(true),
  /** Amazon Macie for S3 (DPP 3.3 data loss prevention). */
  macie: z.boolean().default(true),
  /** Amazon Inspector (DPP 3.7 Vulnerability Management). */
  inspector: z.boolean().default(true),
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
});

export const environmentSchema = z
  .strictObject({
    account,
    region,
    availabilityZones: z.array(z.string()).min(1, 'must name at least one availability zone'),
    approvedCidrs: z.array(approvedCidr).min(1, 'must list at least one approved CIDR (DPP 2.1)'),
    alertEmail: z.email('must be an e-mail address for security alerts (DPP 2.7)'),
    piiRetentionDays: z.number().int().min(1).default(MAX_PII_RETENTION_DAYS),
    legalBasis: z.string().trim().min(1).optional(),
    logRetentionDays: z.number().int().min(MIN_LOG_RETENTION_DAYS, `must be at least ${MIN_LOG_RETENTION_DAYS} days (DPP 3.6)`).default(365),
    vpcCidr: z.string().superRefine((value, ctx) => {
      const cidr = parseCidr(value);
      if (!cidr || cidr.family !== 4 || cidr.prefixLength < 16 || cidr.prefixLength > 24) {
        ctx.addIssue({ code: 'custom', message: `${JSON.stringify(value)} must be an IPv4 CIDR between /16 and /24` });
      }
    }).optional(),
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
    if (env.piiRetentionDays > MAX_PII_RETENTION_DAYS && !env.legalBasis) {
      ctx.addIssue({
        code: 'custom',
        path: ['piiRetentionDays'],
        message: `${env.piiRetentionDays} days is above ${MAX_PII_RETENTION_DAYS}; set legalBasis to the law that requires it (DPP 3.1)`,
      });
    }
    if (env.features.canaryRecords === true && env.features.dataEvents !== true) {
      ctx.addIssue({ code: 'custom', path: ['features', 'canaryRecords'], message: 'needs features.dataEvents: true (the canary alarms read the PII stores\' data events in this environment\'s trail log group)' });
    }
    if (env.applicationPort === env.databasePort) {
      ctx.addIssue({ code: 'custom', path: ['databasePort'], message: 'must differ from applicationPort (the tiers are segmented by port, DPP 2.1)' });
    }
  });

export const configSchema = z
  .strictObject({
    environments: z.strictObject({
      test: environmentSchema,
      prod: environmentSchema,
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

/** Which of the two environments: test or prod. */
export type EnvironmentName = 'test' | 'prod';
/** One environment's validated configuration, defaults applied. */
export type EnvironmentConfig = z.infer<typeof environmentSchema>;
/** The optional features of an environment. */
export type FeaturesConfig = z.infer<typeof featuresSchema>;
/** The validated DPP configuration. */
export type DppConfig = z.infer<typeof configSchema>;
/** Raw input, before defaults. */
export type DppConfigInput = z.input<typeof configSchema>;
