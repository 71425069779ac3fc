import { CfnOutput, RemovalPolicy, Stage, Tags, Validations, type Stack } from 'aws-cdk-lib';
import { TAG_ENVIRONMENT } from '../checks/vocabulary';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as rds from 'aws-cdk-lib/aws-rds';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { LogDataProtection } from '../../constructs/audit/log-data-protection';
import { PiiDataEvents } from '../../constructs/audit/pii-data-events';
import { retentionOfAtLeast } from '../../constructs/audit/log-retention';
import { AccessAnalyzers } from '../../constructs/identity/access-analyzers';
import { BackupCopyVaultStack } from '../../constructs/data/backup-copy-vault';
import { DataBackups } from '../../constructs/data/data-backups';
import { EdgeAudience, EdgeFirewall } from '../../constructs/network/edge-firewall';
import { DataLossAlerts } from '../../constructs/detection/data-loss-alerts';
import { CanaryRecords } from '../../constructs/detection/canary-records';
import { ReadAnomalyAlarms } from '../../constructs/detection/read-anomaly-alarms';
import type { EnvironmentConfig, FeatureMode } from '../config';
import type { BaselineEnvironment } from './environment';
import type { IdentityAndAudit } from './identity-audit';
import type { NetworkAndData } from './network-data';

/** What the data-protection part of the baseline adds (each present when its feature is `true`). */
export interface DataProtection {
  /** The data-events trail of the PII stores (`features.dataEvents`). */
  readonly dataEvents?: PiiDataEvents;
  /** The canary records of the PII stores and their alarms (`features.canaryRecords`). */
  readonly canaries?: CanaryRecords;
  /** The read-volume anomaly alarms of the PII stores (`features.readAnomalyAlarms`). */
  readonly readAnomalies?: ReadAnomalyAlarms;
  /** The account-level data-protection policy of the logs (`features.logDataProtection`). */
  readonly logDataProtection?: LogDataProtection;
  /** IAM Access Analyzer, external and unused access (`features.accessAnalyzer`). */
  readonly accessAnalyzers?: AccessAnalyzers;
  /** The backup plan of the PII stores (`features.backups`). */
  readonly backups?: DataBackups;
  /** The web ACL for the workload's entry points, allowing only the approved networks (`features.edgeFirewall`). */
  readonly edgeFirewall?: EdgeFirewall;
  /** Macie findings to the security topic (`features.dataLossAlerts`). */
  readonly dataLossAlerts?: DataLossAlerts;
}

/** The rule that fails when no trail of the environment logs the PII stores' data events (DPP 3.6). */
export const DATA_EVENTS_RULE = 'DPP::DPP-3.6-PiiStoreDataEvents';
/** Why an environment with `features.dataEvents: "existing"` is acceptable. */
export const DATA_EVENTS_EXISTING_REASON =
  'An organization trail run by the organization\'s administrator account logs the data events of this account\'s PII stores (features.dataEvents="existing"); ' +
  'its selectors are reviewed there, and the management events stay on this environment\'s own trail.';

/** The rule that warns on log groups no data-protection policy covers (DPP 3.6). */
export const LOG_DATA_PROTECTION_RULE = 'DPP::DPP-3.6-LogGroupDataProtection';
/** Why an environment with `features.logDataProtection: "existing"` is acceptable. */
export const LOG_DATA_PROTECTION_EXISTING_REASON =
  'The organization\'s administrator account applies the account-level CloudWatch Logs data-protection policy of this account (features.logDataProtection="existing"), ' +
  'which audits and masks names, addresses, e-mail, phone and card numbers in every log group.';

/** A control that takes the PII stores one by one (canaries, read-volume alarms, backups). */
interface PiiStoreControl {
  addBucket(id: string, bucket: s3.Bucket): unknown;
  addTable(id: string, table: dynamodb.Table): unknown;
  addDatabase?(id: string, database: rds.IDatabaseCluster | rds.IDatabaseInstance): unknown;
}

/** Adds the baseline's PII bucket, PII table and (where the control takes one) database to a control. */
function addPiiStores<T extends PiiStoreControl>(target: T, data: NetworkAndData): T {
  target.addBucket('pii-bucket', data.piiBucket.bucket);
  target.addTable('pii-table', data.piiTable.table);
  const database = data.database.cluster ?? data.database.instance;
  if (database && target.addDatabase) target.addDatabase('database', database);
  return target;
}

/**
 * A control by its feature mode: built here (`true`); left to the organization (`"existing"`),
 * acknowledging the rule that asks for it, if any, with the reason; or off (`false`).
 */
function control<T>(stack: Stack, mode: FeatureMode, build: () => T, existing?: { rule: string; reason: string }): T | undefined {
  if (mode === true) return build();
  if (mode === 'existing' && existing) Validations.of(stack).acknowledge({ id: existing.rule, reason: existing.reason });
  return undefined;
}

/**
 * Adds the DPP controls of issue 15 ("the DPP in full") to a baseline stack, each switched by its
 * `features` key: storage-layer logging of the PII stores, canary records with their alarms and
 * read-volume anomaly alarms (DPP 3.6 Logging and Monitoring: investigative alarms), and the
 * data-protection policy that keeps PII out of logs (DPP 3.6), access baselining with IAM Access
 * Analyzer (DPP 2.2), backups of the PII stores within their retention (DPP 3.7), a web ACL
 * for the workload's public entry points (DPP 2.1), and Macie findings to the topic (DPP 3.3).
 * `"existing"` acknowledges the rule that asks for the control, with the reason, so the coverage
 * report shows who provides it; `false` leaves the rule to fail.
 */
export function addDataProtection(stack: Stack, { name: environment, kind }: BaselineEnvironment, config: EnvironmentConfig, data: NetworkAndData, audit: IdentityAndAudit): DataProtection {
  const { features } = config;
  const removalPolicy = kind === 'prod' ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

  const topic = audit.alarms.topic;
  const logRetention = retentionOfAtLeast(config.logRetentionDays);

  const dataEvents = control(stack, features.dataEvents, () => {
    const trail = new PiiDataEvents(stack, 'PiiDataEvents', { bucket: audit.trail.bucket, encryptionKey: audit.trail.encryptionKey, logGroup: audit.trail.logGroup });
    trail.registerBucket(data.piiBucket.bucket);
    trail.registerTable(data.piiTable.table);
    return trail;
  }, { rule: DATA_EVENTS_RULE, reason: DATA_EVENTS_EXISTING_REASON });

  const canaries = control(stack, features.canaryRecords, () => addPiiStores(new CanaryRecords(stack, 'CanaryRecords', {
    alertTopic: topic,
    trailLogGroup: audit.trail.logGroup,
    // The PII bucket accepts object requests only through the VPC's S3 endpoint.
    vpc: data.network.vpc,
    vpcSubnets: data.network.subnetSelection('application'),
    logRetention,
    logEncryptionKey: data.keys.logs,
  }), data));

  const readAnomalies = control(stack, features.readAnomalyAlarms, () => addPiiStores(new ReadAnomalyAlarms(stack, 'ReadAnomalyAlarms', { alertTopic: topic }), data));

  const logDataProtection = control(stack, features.logDataProtection,
    () => new LogDataProtection(stack, 'LogDataProtection', { encryptionKey: data.keys.logs, findingsRetention: logRetention, removalPolicy }),
    { rule: LOG_DATA_PROTECTION_RULE, reason: LOG_DATA_PROTECTION_EXISTING_REASON });

  const accessAnalyzers = control(stack, features.accessAnalyzer, () => new AccessAnalyzers(stack, 'AccessAnalyzers', { alertTopic: topic }));

  const backups = control(stack, features.backups, () => {
    // The vault the plan copies to lives in the other region: a stack of its own, deployed first.
    if (config.backupCopyRegion) {
      const copyVault = new BackupCopyVaultStack(Stage.of(stack)!, `${stack.stackName}-backup-copy`, {
        env: { account: stack.account, region: config.backupCopyRegion },
        description: `DPP 3.7: the second-region vault of ${stack.stackName}'s backup copies`,
        removalPolicy,
        // A kept environment keeps the full deletion window; a disposable one, the shortest.
        pendingWindowDays: removalPolicy === RemovalPolicy.RETAIN ? undefined : 7,
      });
      // Part of this environment: its account-wide controls are the baseline's (DPP 3.5 separation by tag).
      Tags.of(copyVault).add(TAG_ENVIRONMENT, environment);
      stack.addStackDependency(copyVault, 'the backup plan copies to its vault');
    }
    return addPiiStores(new DataBackups(stack, 'Backups', {
      encryptionKey: data.keys.data,
      piiRetentionDays: config.piiRetentionDays,
      copyRegion: config.backupCopyRegion,
      removalPolicy,
    }), data);
  });

  const edgeFirewall = control(stack, features.edgeFirewall, () => {
    const firewall = new EdgeFirewall(stack, 'EdgeFirewall', {
      audience: EdgeAudience.APPROVED_NETWORKS,
      approvedCidrs: config.approvedCidrs,
      name: `dpp-${environment}-approved-networks`,
      logEncryptionKey: data.keys.logs,
      logRetention,
    });
    new CfnOutput(stack, 'EdgeWebAclArn', { value: firewall.webAcl.attrArn, description: 'The WAFv2 web ACL that admits only the approved networks: associate it with the workload\'s load balancers and API stages (DPP 2.1)' });
    return firewall;
  });

  const dataLossAlerts = control(stack, features.dataLossAlerts, () => new DataLossAlerts(stack, 'DataLossAlerts', { alertTopic: topic }));

  return { dataEvents, canaries, readAnomalies, logDataProtection, accessAnalyzers, backups, edgeFirewall, dataLossAlerts };
}
