import { Duration, Names, RemovalPolicy } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct, type IConstruct } from 'constructs';
import type { Classification } from '../../lib/checks/vocabulary';
import { BASELINE_DEFAULTS, provisionedDefaults } from '../../lib/policy/defaults';
import type { PolicyProfile } from '../../lib/policy/profile';
import { acknowledgeNag } from '../common/nag-acknowledgments';
import { invalidProp, policyFor, requireIntegerInRange, requireLogRetention, requirePort } from '../common/validate';
import type { SegmentedVpc } from '../network/segmented-vpc';
import { attributionOf, tagStore, tagSupport } from './attribution';
import { retainExceptOnCreate } from '../common/removal';
import { recordCreationTrace } from '../common/creation-trace';

/** The database engine of an {@link EncryptedDatabase}. */
export type DatabaseEngine = 'aurora-postgresql' | 'postgresql';

/** The keys an {@link EncryptedDatabase} uses; `EncryptionKeys` provides all three. */
export interface DatabaseKeys {
  /** Encrypts the storage, snapshots and Performance Insights. */
  readonly data: kms.IKey;
  /** Encrypts the master credential's secret. */
  readonly secrets: kms.IKey;
  /** Encrypts the exported log groups; its policy must let CloudWatch Logs use it. */
  readonly logs: kms.IKey;
}

/** Props of {@link EncryptedDatabase}. */
export interface EncryptedDatabaseProps {
  /** The segmented VPC: the database goes in its data tier, rotation in its application tier. */
  readonly network: SegmentedVpc;
  /** The customer-managed keys (DPP 3.4). */
  readonly keys: DatabaseKeys;
  /**
   * Aurora PostgreSQL, or RDS for PostgreSQL.
   * @default 'aurora-postgresql'
   */
  readonly engine?: DatabaseEngine;
  /**
   * The PostgreSQL version, `major.minor` (minor versions then upgrade automatically, DPP 3.7).
   * @default '17.5'
   */
  readonly engineVersion?: string;
  /**
   * The instance class.
   * @default db.t4g.medium
   */
  readonly instanceType?: ec2.InstanceType;
  /**
   * A standby in a second zone: an Aurora reader, or an RDS Multi-AZ standby (DPP 3.7: restore availability).
   * @default true
   */
  readonly highAvailability?: boolean;
  /**
   * The database port. The data tier's network ACL admits only the network's database port, so any other value is rejected.
   * @default - the network's `databasePort`
   */
  readonly port?: number;
  /**
   * The database created at launch.
   * @default 'app'
   */
  readonly databaseName?: string;
  /**
   * The master user's name; its password is generated into Secrets Manager, never written anywhere (DPP 3.5).
   * @default 'dbadmin'
   */
  readonly masterUsername?: string;
  /**
   * The cluster (Aurora) or instance (RDS) identifier, lowercase. It names the log groups, which are
   * created before the database so they carry the logs key and retention.
   * @default - derived from the construct path
   */
  readonly identifier?: string;
  /**
   * Days automated backups are kept, 7 to 35 (DPP 3.7).
   * @default 7
   */
  readonly backupRetentionDays?: number;
  /**
   * Days the exported logs are kept: at least 90 (DPP 3.6), and a value CloudWatch Logs accepts.
   * @default 365
   */
  readonly logRetentionDays?: number;
  /**
   * Days between rotations of the master password, 1 to 365 (DPP 2.4).
   * @default 30
   */
  readonly rotationDays?: number;
  /**
   * What may connect on the database port (DPP 2.1, 2.3). The data tier's network ACL admits only the
   * application tier, so clients must live there.
   * @default - the whole application tier (its address block)
   */
  readonly clients?: ec2.IConnectable[];
  /**
   * The `dpp:data-origin` tag (DPP 2.9).
   * @default 'ecartapi'
   */
  readonly dataOrigin?: string;
  /**
   * The `dpp:classification` tag of the database (DPP 2.9). Its secret, security group and log groups
   * are `confidential`: they never hold the records themselves.
   * @default 'pii'
   */
  readonly classification?: Classification;
  /**
   * Whether the database can go with its stack (test environments): no deletion protection and
   * removal policy DESTROY. Leave false for anything holding real data.
   * @default false - deletion protection on; a final snapshot is taken when the stack removes it
   */
  readonly disposable?: boolean;
  /**
   * The policy profile whose thresholds bound the props and set the defaults (README "Policy profiles").
   * @default - the profile in construct context (`dpp:policy`), else `dpp`
   */
  readonly policy?: PolicyProfile;
}

const NAME = 'EncryptedDatabase';
const IDENTIFIER = /^[a-z](?!.*--)[a-z0-9-]{0,62}(?<!-)$/;

/**
 * Parameters that force TLS 1.2+ (DPP 2.5 Encryption in Transit), log connections (DPP 3.6: access
 * attempts), and keep statement text and error details out of the logs, since they can carry PII
 * (DPP 3.6: logs must not hold PII).
 */
export const DATABASE_PARAMETERS: Readonly<Record<string, string>> = {
  'rds.force_ssl': '1',
  ssl_min_protocol_version: 'TLSv1.2',
  log_connections: '1',
  log_disconnections: '1',
  log_statement: 'none',
  log_min_error_statement: 'panic',
  log_error_verbosity: 'terse',
};

/** The log types exported to CloudWatch Logs: the server log and failed IAM authentications (DPP 3.6). */
export const DATABASE_LOG_EXPORTS: readonly string[] = ['postgresql', 'iam-db-auth-error'];

/**
 * A PostgreSQL database for PII (Aurora by default; RDS by prop) in the data tier of a
 * {@link SegmentedVpc}:
 *
 * - DPP 3.4 Encryption at Rest: storage, snapshots and Performance Insights under the data key;
 *   the master credential generated in Secrets Manager under the secrets key.
 * - DPP 2.5 Encryption in Transit: a parameter group forcing TLS 1.2+ (`rds.force_ssl=1`; the
 *   cluster parameter group for Aurora).
 * - DPP 2.4 / 3.5: no password in the template; the secret is rotated by a Secrets Manager hosted
 *   rotation function in the application tier; IAM database authentication is on.
 * - DPP 2.1 / 2.3: a security group admitting only the application tier (or the given clients)
 *   and the rotation function on the database port; no egress; never publicly accessible.
 * - DPP 3.6: `postgresql` and `iam-db-auth-error` logs exported to log groups created here, under
 *   the logs key and kept ≥ 90 days; connection logging on, statement text off.
 * - DPP 3.7: backups ≥ 7 days, automatic minor upgrades, a standby in a second zone, deletion
 *   protection and a final snapshot unless `disposable`.
 * - DPP 2.9: tagged with `dpp:data-origin` and `dpp:classification`.
 */
export class EncryptedDatabase extends Construct implements ec2.IConnectable {
  public readonly engine: DatabaseEngine;
  /** The cluster or instance identifier. */
  public readonly identifier: string;
  /** The writer endpoint's host name. */
  public readonly endpoint: string;
  public readonly port: number;
  /** The master credential (JSON with host, port, username, password, dbname). */
  public readonly secret: secretsmanager.ISecret;
  public readonly securityGroup: ec2.SecurityGroup;
  public readonly connections: ec2.Connections;
  /** The exported log groups, by log type. */
  public readonly logGroups: Readonly<Record<string, logs.LogGroup>>;
  /** The Aurora cluster, when `engine` is `aurora-postgresql`. */
  public readonly cluster?: rds.DatabaseCluster;
  /** The RDS instance, when `engine` is `postgresql`. */
  public readonly instance?: rds.DatabaseInstance;

  constructor(scope: Construct, id: string, props: EncryptedDatabaseProps) {
    super(scope, id);
    recordCreationTrace(this, new.target);
    const network = props.network;
    this.engine = props.engine ?? 'aurora-postgresql';
    if (this.engine !== 'aurora-postgresql' && this.engine !== 'postgresql') invalidProp(NAME, 'engine', `must be 'aurora-postgresql' or 'postgresql', got ${JSON.stringify(this.engine)}`);
    const version = props.engineVersion ?? '17.5';
    if (!/^\d+\.\d+$/.test(version)) invalidProp(NAME, 'engineVersion', `must be major.minor, e.g. '17.5', got ${JSON.stringify(version)}`);
    this.port = requirePort(NAME, 'port', props.port ?? network.databasePort);
    if (this.port !== network.databasePort) invalidProp(NAME, 'port', `must be the network's databasePort (${network.databasePort}): the data tier's network ACL admits no other port, got ${this.port}`);
    const databaseName = props.databaseName ?? 'app';
    if (!/^[a-zA-Z][a-zA-Z0-9_]{0,62}$/.test(databaseName)) invalidProp(NAME, 'databaseName', `must start with a letter and hold only letters, digits and '_' (at most 63), got ${JSON.stringify(databaseName)}`);
    const masterUsername = props.masterUsername ?? 'dbadmin';
    if (!/^[a-zA-Z][a-zA-Z0-9_]{0,15}$/.test(masterUsername) || ['postgres', 'rdsadmin', 'admin'].includes(masterUsername.toLowerCase())) {
      invalidProp(NAME, 'masterUsername', `must start with a letter, hold only letters, digits and '_' (at most 16), and not be a default or reserved name (DPP 2.2), got ${JSON.stringify(masterUsername)}`);
    }
    this.identifier = props.identifier ?? defaultIdentifier(this);
    if (!IDENTIFIER.test(this.identifier)) invalidProp(NAME, 'identifier', `must be lowercase letters, digits and single hyphens, start with a letter, at most 63 characters, got ${JSON.stringify(this.identifier)}`);
    const policy = policyFor(this, props.policy);
    const backupFloor = policy.values.databaseBackupRetentionDays;
    const backupRetentionDays = requireIntegerInRange(NAME, 'backupRetentionDays', props.backupRetentionDays ?? backupFloor, backupFloor, 35, `DPP 3.7, profile ${policy.name}`);
    const logRetentionDays = requireLogRetention(NAME, 'logRetentionDays', props.logRetentionDays ?? provisionedDefaults(policy).logRetentionDays, policy);
    const rotationDays = requireIntegerInRange(NAME, 'rotationDays', props.rotationDays ?? BASELINE_DEFAULTS.secretRotationDays, 1, policy.values.passwordMaxAgeDays, `DPP 2.4: credentials expire within ${policy.values.passwordMaxAgeDays} days under profile ${policy.name}`);
    const attribution = attributionOf(NAME, props.dataOrigin, props.classification, { origin: 'ecartapi', classification: 'pii' });
    const disposable = props.disposable ?? false;
    const instanceType = props.instanceType ?? ec2.InstanceType.of(ec2.InstanceClass.T4G, ec2.InstanceSize.MEDIUM);
    const highAvailability = props.highAvailability ?? true;

    // Everything here but the database itself (secret, groups, logs) is confidential, not PII.
    tagSupport(this, { origin: attribution.origin, classification: 'confidential' });

    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: network.vpc,
      description: `${NAME}: ${this.port} from the application tier only (DPP 2.1)`,
      allowAllOutbound: false,
    });
    this.connections = new ec2.Connections({ securityGroups: [this.securityGroup], defaultPort: ec2.Port.tcp(this.port) });
    if (props.clients && props.clients.length > 0) {
      props.clients.forEach((client) => this.connections.allowDefaultPortFrom(client, 'a client of the database'));
    } else {
      this.connections.allowDefaultPortFrom(ec2.Peer.ipv4(network.tierCidrs.application), 'the application tier');
    }

    const kind = this.engine === 'aurora-postgresql' ? 'cluster' : 'instance';
    const logGroups: Record<string, logs.LogGroup> = {};
    for (const logType of DATABASE_LOG_EXPORTS) {
      logGroups[logType] = new logs.LogGroup(this, `Log-${logType}`, {
        logGroupName: `/aws/rds/${kind}/${this.identifier}/${logType}`,
        encryptionKey: props.keys.logs,
        retention: logRetentionDays as logs.RetentionDays,
        removalPolicy: disposable ? RemovalPolicy.DESTROY : retainExceptOnCreate(),
      });
    }
    this.logGroups = logGroups;

    const credentials = rds.Credentials.fromGeneratedSecret(masterUsername, { encryptionKey: props.keys.secrets });
    const common = {
      vpc: network.vpc,
      vpcSubnets: network.subnetSelection('data'),
      securityGroups: [this.securityGroup],
      credentials,
      port: this.port,
      storageEncrypted: true,
      storageEncryptionKey: props.keys.data,
      iamAuthentication: true,
      cloudwatchLogsExports: [...DATABASE_LOG_EXPORTS],
      enablePerformanceInsights: true,
      performanceInsightEncryptionKey: props.keys.data,
      deletionProtection: !disposable,
      removalPolicy: disposable ? RemovalPolicy.DESTROY : RemovalPolicy.SNAPSHOT,
      copyTagsToSnapshot: true,
    };
    const [major] = version.split('.');
    let store: IConstruct;
    if (this.engine === 'aurora-postgresql') {
      const engine = rds.DatabaseClusterEngine.auroraPostgres({ version: rds.AuroraPostgresEngineVersion.of(version, major) });
      const instanceProps: rds.ProvisionedClusterInstanceProps = {
        instanceType,
        autoMinorVersionUpgrade: true,
        publiclyAccessible: false,
        caCertificate: rds.CaCertificate.RDS_CA_RSA2048_G1,
        enablePerformanceInsights: true,
        performanceInsightEncryptionKey: props.keys.data,
      };
      this.cluster = new rds.DatabaseCluster(this, 'Cluster', {
        ...common,
        engine,
        clusterIdentifier: this.identifier,
        defaultDatabaseName: databaseName,
        parameterGroup: new rds.ParameterGroup(this, 'ClusterParameters', { engine, description: `${NAME}: TLS forced (DPP 2.5)`, parameters: { ...DATABASE_PARAMETERS } }),
        backup: { retention: Duration.days(backupRetentionDays) },
        writer: rds.ClusterInstance.provisioned('Writer', instanceProps),
        readers: highAvailability ? [rds.ClusterInstance.provisioned('Reader', { ...instanceProps, promotionTier: 1 })] : [],
      });
      this.endpoint = this.cluster.clusterEndpoint.hostname;
      this.secret = this.cluster.secret!;
      store = this.cluster;
    } else {
      const engine = rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.of(version, major) });
      this.instance = new rds.DatabaseInstance(this, 'Instance', {
        ...common,
        engine,
        instanceType,
        instanceIdentifier: this.identifier,
        databaseName,
        parameterGroup: new rds.ParameterGroup(this, 'Parameters', { engine, description: `${NAME}: TLS forced (DPP 2.5)`, parameters: { ...DATABASE_PARAMETERS } }),
        backupRetention: Duration.days(backupRetentionDays),
        multiAz: highAvailability,
        autoMinorVersionUpgrade: true,
        publiclyAccessible: false,
        caCertificate: rds.CaCertificate.RDS_CA_RSA2048_G1,
        allocatedStorage: 20,
        maxAllocatedStorage: 100,
        storageType: rds.StorageType.GP3,
      });
      this.endpoint = this.instance.dbInstanceEndpointAddress;
      this.secret = this.instance.secret!;
      store = this.instance;
    }
    // The log groups exist before the database starts exporting, so RDS never creates them unencrypted.
    Object.values(logGroups).forEach((group) => store.node.addDependency(group));
    for (const child of store.node.findAll()) {
      if (child instanceof rds.CfnDBCluster || child instanceof rds.CfnDBInstance) tagStore(child, attribution);
    }
    acknowledgeNag(store, 'NIST.800.53.R5-RDSInBackupPlan',
      `Automated backups kept ${backupRetentionDays} days with point-in-time restore (DPP 3.7 Vulnerability Management: restore availability) and a final snapshot on removal restore the database. ` +
      'For Aurora, AWS Backup protects the cluster, not the member instances this rule looks at: the baseline adds the cluster to its DataBackups plan, whose recovery points are deleted within the PII retention (DPP 3.1, 2.8).');
    acknowledgeNag(store, 'NIST.800.53.R5-RDSEnhancedMonitoringEnabled',
      'Enhanced Monitoring writes OS metrics to an RDSOSMetrics log group that RDS creates outside the stack, without the logs key and with 30-day retention, which DPP 3.4 and 3.6 would not accept. ' +
      'The database is monitored instead through CloudWatch metrics, Performance Insights (encrypted with the data key) and its exported postgresql and iam-db-auth-error logs.');

    const rotation = secretsmanager.HostedRotation.postgreSqlSingleUser({
      vpc: network.vpc,
      vpcSubnets: network.subnetSelection('application'),
      securityGroups: [this.rotationSecurityGroup(network)],
    });
    this.secret.addRotationSchedule('Rotation', { hostedRotation: rotation, automaticallyAfter: Duration.days(rotationDays) });
    this.connections.allowDefaultPortFrom(rotation, 'the secret rotation function');
  }

  /** Lets a principal connect as `dbUser` with IAM database authentication. */
  public grantConnect(grantee: iam.IGrantable, dbUser: string): iam.Grant {
    return this.cluster ? this.cluster.grantConnect(grantee, dbUser) : this.instance!.grantConnect(grantee, dbUser);
  }

  /** The rotation function reaches Secrets Manager through the VPC's endpoint and (granted in the constructor) the database; nothing else. */
  private rotationSecurityGroup(network: SegmentedVpc): ec2.SecurityGroup {
    const group = new ec2.SecurityGroup(this, 'RotationSecurityGroup', {
      vpc: network.vpc,
      description: `${NAME}: secret rotation function (DPP 2.4)`,
      allowAllOutbound: false,
    });
    group.addEgressRule(ec2.Peer.ipv4(network.cidr), ec2.Port.tcp(443), 'Secrets Manager through the interface endpoint');
    return group;
  }
}

/** A lowercase RDS identifier unique in the app, derived from the construct path. */
function defaultIdentifier(scope: IConstruct): string {
  const name = Names.uniqueResourceName(scope, { maxLength: 60, separator: '-' })
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '-')
    .replace(/-+/g, '-')
    .replace(/^[^a-z]+/, '')
    .replace(/-$/, '');
  return name || 'dpp-database';
}
