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
 * An account-wide control the DPP always requires: built by the environment (`true`) or by whoever
 * owns it for the whole account (`"existing"`, e.g. the organization's StackSet), never absent.
 */
const accountControlSwitch = z.union([z.literal(true), z.literal('existing')], {
  error: (issue) => `expected true or "existing" (the organization's StackSet sets it for the account), found ${describeFound(issue.input)}`,
}).default(true);

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
  /**
   * The IAM account password policy (DPP 2.4): `"existing"` where the organization's StackSet
   * (`organization.passwordPolicy`) or another owner sets it for this account. Never `false`.
   */
  passwordPolicy: accountControlSwitch,
  /** The account lockout after failed console sign-ins (DPP 2.2): `"existing"` as for `passwordPolicy`. Never `false`. */
  accountLockout: accountControlSwitch,
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

/** An environment's kind in the configuration. */
const kindSchema = z.enum(['test', 'prod'], {
  error: (issue) => (issue.input === undefined ? 'is required for an environment not named test or prod: test or prod' : `expected test or prod, found ${describeFound(issue.input)}`),
});

/**
 * One environment's schema under a profile. `kindRequired`: in a whole configuration, where the
 * kind has been defaulted from the names `test` and `prod` already.
 */
export function environmentSchemaFor(policy: PolicyProfile, options: { readonly kindRequired?: boolean } = {}) {
  return z
  .strictObject({
    /** test or prod: decides the prod-only behaviour (retention, deletion and termination protection). */
    // Typed optional either way: read it through environmentKind(), which also knows the name default.
    kind: (options.kindRequired ? kindSchema : kindSchema.optional()) as z.ZodOptional<typeof kindSchema>,
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

/** The kinds of environment: the DPP's test and production (DPP 3.5 Secure Coding Practices). */
export const ENVIRONMENT_KINDS = kindSchema.options;
/** An environment's kind, which decides its prod-only behaviour (retention, deletion and termination protection). */
export type EnvironmentKind = z.infer<typeof kindSchema>;

/**
 * An environment's name: it becomes the stack name `DppBaseline-<name>`, the RDS identifier
 * `dpp-<name>-database` and KMS aliases, so lowercase letters, digits and single hyphens, at most
 * 20 characters (RDS identifiers allow no double hyphen nor a trailing one).
 */
const ENVIRONMENT_NAME = /^[a-z](?:[a-z0-9]|-(?=[a-z0-9])){0,19}$/;

/** Names whose stack name the app gives to another stack (`DppBaseline-pipeline` and its support stacks, `DppBaseline-organization`). */
const RESERVED_NAMES = /^(?:pipeline(?:-|$)|organization$)/;

const environmentName = z
  .string()
  .regex(ENVIRONMENT_NAME, 'is not a valid environment name: lowercase letters, digits and single hyphens, starting with a letter, at most 20 characters')
  .refine((name) => !RESERVED_NAMES.test(name), 'is reserved: the delivery pipeline\'s and the organization\'s stacks are named DppBaseline-pipeline… and DppBaseline-organization');

/** `kind` defaults to the name for environments named `test` or `prod`, so today's files stay valid. */
function withDefaultKinds(environments: unknown): unknown {
  if (environments === null || typeof environments !== 'object' || Array.isArray(environments)) return environments;
  return Object.fromEntries(
    Object.entries(environments).map(([name, env]) => {
      const defaulted = (ENVIRONMENT_KINDS as readonly string[]).includes(name) && env !== null && typeof env === 'object' && !Array.isArray(env) && !('kind' in env);
      return [name, defaulted ? { kind: name, ...env } : env];
    }),
  );
}

/** A problem of the environments as a whole, at a key path under `environments`. */
export interface EnvironmentsProblem {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/**
 * Problems across environments, read from the raw input (zod skips cross-field checks when an
 * environment has errors of its own; the user still hears of these in the same pass). A test-kind
 * and a prod-kind environment never share an account (DPP 3.5 Secure Coding Practices); two of
 * the same kind do not either, because the account-level controls each baseline deploys (password
 * policy, lockout, detectors, Config recorder) exist once per account and would conflict.
 */
export function environmentsProblems(raw: unknown): EnvironmentsProblem[] {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return [];
  const problems: EnvironmentsProblem[] = [];
  const owners = new Map<string, { name: string; kind: unknown }>();
  const kinds = new Set<unknown>();
  for (const [name, env] of Object.entries(raw as Record<string, { account?: unknown; kind?: unknown } | undefined>)) {
    const kind = env?.kind ?? name;
    kinds.add(kind);
    const account = env?.account;
    if (typeof account !== 'string') continue;
    const owner = owners.get(account);
    if (owner === undefined) {
      owners.set(account, { name, kind });
      continue;
    }
    const why = owner.kind === kind
      ? 'each environment needs an account of its own (its account-level controls exist once per account)'
      : 'they must be separate (DPP 3.5)';
    problems.push({ path: ['environments', name, 'account'], message: `${owner.name} and ${name} use the same account ${account}; ${why}` });
  }
  for (const kind of ENVIRONMENT_KINDS) {
    if (!kinds.has(kind)) problems.push({ path: ['environments'], message: `needs at least one ${kind}-kind environment (DPP 3.5 Secure Coding Practices: separate test and production)` });
  }
  return problems;
}

/**
 * The delivery pipeline (CDK Pipelines), optional: source from a CodeConnections connection.
 * Connection ARNs: `arn:aws:codeconnections:…:connection/<id>` (the service's new name) or the
 * older `arn:aws:codestar-connections:…`, both accepted by CodePipeline's source action
 * (https://docs.aws.amazon.com/dtconsole/latest/userguide/rename.html).
 */
export const pipelineSchema = z.strictObject({
  /** The account that runs the pipeline (a tooling account, never a workload's). */
  account,
  region,
  /** `owner/name` of the repository behind the connection. */
  repository: z.string().regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/, 'must be owner/name of the repository behind the connection'),
  branch: z.string().trim().min(1, 'must name a branch').default('main'),
  connectionArn: z.string().regex(/^arn:aws[a-z-]*:(?:codeconnections|codestar-connections):[a-z0-9-]+:\d{12}:connection\/[A-Za-z0-9-]+$/, 'must be the ARN of a CodeConnections connection (arn:aws:codeconnections:<region>:<account>:connection/<id>)'),
});
/** The validated pipeline configuration. */
export type PipelineConfig = z.infer<typeof pipelineSchema>;

/** The organization's StackSets of account-level controls, optional. */
export const organizationSchema = z.strictObject({
  /** The management or delegated-administrator account the StackSets are created in. */
  account,
  region,
  organizationalUnitIds: z.array(z.string().regex(/^(?:ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}|r-[0-9a-z]{4,32})$/, 'must be an organizational unit ID (ou-xxxx-xxxxxxxx) or a root ID (r-xxxx)')).min(1, 'must name at least one organizational unit'),
  regions: z.array(region).min(1, 'must name at least one region'),
  /**
   * The region of each account's account-wide controls (the password policy and the lockout, with
   * its own security topic); failed sign-ins of the other regions are forwarded there. Default: the
   * first of `regions`.
   */
  homeRegion: region.optional(),
  /**
   * The regions failed console sign-ins are forwarded to `homeRegion` from. Default: `regions` and
   * the four regions where CloudTrail records the global sign-in endpoint's sign-ins.
   */
  signInRegions: z.array(region).min(1, 'must name at least one region').optional(),
  /** The IAM account password policy in each account (DPP 2.4 Credential Management). */
  passwordPolicy: z.boolean({ error: (issue) => `expected true or false, found ${describeFound(issue.input)}` }).default(true),
  /** The account lockout after failed console sign-ins in each account (DPP 2.2 Access Management). */
  accountLockout: z.boolean({ error: (issue) => `expected true or false, found ${describeFound(issue.input)}` }).default(true),
  /**
   * The detective services the StackSet creates in each account: `"existing"` or `false` where the
   * organization already runs one (Control Tower, a delegated administrator).
   */
  services: z.strictObject({
    guardDuty: featureSwitchSchema.default(true),
    securityHub: featureSwitchSchema.default(true),
    macie: featureSwitchSchema.default(true),
  }).default({ guardDuty: true, securityHub: true, macie: true }),
  /** The address subscribed to each account's security topic; default: the first prod-kind environment's alertEmail. */
  alertEmail: z.email('must be an e-mail address for security alerts (DPP 2.7)').optional(),
  /** `DELEGATED_ADMIN` from a delegated-administrator account, `SELF` from the management account. */
  callAs: z.enum(['DELEGATED_ADMIN', 'SELF'], { error: (issue) => `expected DELEGATED_ADMIN or SELF, found ${describeFound(issue.input)}` }).default('DELEGATED_ADMIN'),
});
/** The validated organization configuration. */
export type OrganizationConfig = z.infer<typeof organizationSchema>;

/** The whole configuration's schema under a profile. `policy` names it (read before the rest is validated). */
export function configSchemaFor(policy: PolicyProfile) {
  const environment = environmentSchemaFor(policy, { kindRequired: true });
  return z
  .strictObject({
    /** The policy profile: `dpp` (default), `dpp-2025`, or a profile file (README "Policy profiles"). */
    policy: z.string().optional(),
    /** The environments, in deployment order: any names, each with its kind (test or prod). */
    environments: z.preprocess(withDefaultKinds, z.record(environmentName, environment)),
    /** The delivery pipeline (README "Delivery pipeline"). */
    pipeline: pipelineSchema.optional(),
    /** StackSets of account-level controls across the organization (README "Organization"). */
    organization: organizationSchema.optional(),
  })
  .superRefine((config, ctx) => {
    for (const problem of environmentsProblems(config.environments)) ctx.addIssue({ code: 'custom', path: [...problem.path], message: problem.message });
    // The pipeline's roles deploy to prod: in a test-kind account, whoever administers test could deploy to prod (DPP 3.5).
    const testHost = Object.entries(config.environments).find(([, env]) => env.kind === 'test' && env.account === config.pipeline?.account);
    if (testHost) ctx.addIssue({ code: 'custom', path: ['pipeline', 'account'], message: `is test-kind environment ${testHost[0]}'s account; the pipeline deploys to prod, so it runs in an account of its own or a prod-kind one (DPP 3.5)` });
  });
}

/**
 * An environment's kind: its `kind`, else its name when that is `test` or `prod`.
 * @throws Error naming the environment when neither tells.
 */
export function environmentKind(name: string, config: { readonly kind?: EnvironmentKind }): EnvironmentKind {
  const kind = config.kind ?? (ENVIRONMENT_KINDS as readonly string[]).find((k) => k === name);
  if (kind === undefined) throw new Error(`environment ${name}: kind is required for an environment not named test or prod: test or prod`);
  return kind as EnvironmentKind;
}

/** The configuration's schema under the `dpp` profile. */
export const configSchema = configSchemaFor(DPP);

/** An environment's name, a key of `environments` (e.g. `test`, `prod`, `staging`, `prod-eu`). */
export type EnvironmentName = string;
/** One environment's validated configuration, defaults applied. */
export type EnvironmentConfig = z.infer<typeof environmentSchema>;
/** The optional features of an environment. */
export type FeaturesConfig = z.infer<typeof featuresSchema>;
/** The validated DPP configuration, with the profile `policy` names. */
export type DppConfig = z.infer<typeof configSchema> & { readonly profile?: PolicyProfile };
/** Raw input, before defaults. */
export type DppConfigInput = Omit<z.input<typeof configSchema>, 'environments'> & { environments: Record<EnvironmentName, z.input<typeof environmentSchema>> };
