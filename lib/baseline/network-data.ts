import { CfnOutput, Fn, type Stack } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { retentionOfAtLeast } from '../../constructs/audit/log-retention';
import { acknowledgeNag } from '../../constructs/common/nag-acknowledgments';
import { EncryptedDatabase } from '../../constructs/data/encrypted-database';
import { PiiBucket } from '../../constructs/data/pii-bucket';
import { PiiTable } from '../../constructs/data/pii-table';
import { SegmentedVpc } from '../../constructs/network/segmented-vpc';
import type { NetworkTier } from '../../constructs/network/tiers';
import { EncryptionKeys } from '../../constructs/security/keys';
import type { EnvironmentConfig, EnvironmentKind } from '../config';
import type { BaselineEnvironment } from './environment';

/** What the network and data part of the baseline gives the rest of the stack. */
export interface NetworkAndData {
  /** The customer-managed keys: `data` (PII stores), `logs` (log groups), `secrets`. */
  readonly keys: EncryptionKeys;
  /** The segmented VPC (public / application / data tiers). */
  readonly network: SegmentedVpc;
  /** The PostgreSQL database in the data tier. */
  readonly database: EncryptedDatabase;
  /** The PII bucket and its access-log bucket. */
  readonly piiBucket: PiiBucket;
  /** The PII table. */
  readonly piiTable: PiiTable;
}

/** The VPC block of an environment that does not configure `vpcCidr`, by kind (environments have accounts of their own, so blocks may repeat). */
export const DEFAULT_VPC_CIDRS: Readonly<Record<EnvironmentKind, string>> = {
  test: '10.10.0.0/16',
  prod: '10.20.0.0/16',
};

/** Why the test database has no deletion protection (cdk-nag's packs ask it of every database). */
const DISPOSABLE_DATABASE_REASON =
  'The test environment is disposable by design: its stores go with the stack, in an account of its own kept apart from prod (DPP 3.5 Secure Coding Practices: separate test and production environments). ' +
  'Prod keeps deletion protection and a final snapshot on removal, which the DPP 3.7 rule asserts for prod databases.';

/**
 * Adds the network and data constructs (DPP 2.1, 2.5, 2.8, 2.9, 3.1, 3.4, 3.6, 3.7) to a baseline
 * stack: one segmented VPC, the keys, one database, one PII bucket (with its log bucket) and one
 * PII table, configured from the environment. `test` trades resilience for cost and can be torn
 * down (one NAT gateway, no database standby, disposable stores and keys); `prod` keeps every
 * store (deletion protection, retain / snapshot on removal).
 */
export function addNetworkAndData(stack: Stack, { name: environment, kind }: BaselineEnvironment, config: EnvironmentConfig): NetworkAndData {
  const prod = kind === 'prod';
  const disposable = !prod;
  const logRetentionDays = retentionOfAtLeast(config.logRetentionDays);

  const keys = new EncryptionKeys(stack, 'Keys', { aliasPrefix: `dpp/${environment}`, disposable, pendingWindowDays: prod ? 30 : 7 });

  const network = new SegmentedVpc(stack, 'Network', {
    availabilityZones: config.availabilityZones,
    approvedCidrs: config.approvedCidrs,
    cidr: config.vpcCidr ?? DEFAULT_VPC_CIDRS[kind],
    applicationPort: config.applicationPort,
    databasePort: config.databasePort,
    flowLogKey: keys.logs,
    flowLogRetentionDays: logRetentionDays,
    natGateways: prod ? config.availabilityZones.length : 1,
    disposable,
    egressFirewall: config.features.networkFirewall ? { allowedDomains: config.egressAllowedDomains ?? [] } : undefined,
  });

  const database = new EncryptedDatabase(stack, 'Database', {
    network,
    keys,
    identifier: `dpp-${environment}-database`,
    highAvailability: prod && config.availabilityZones.length > 1,
    logRetentionDays,
    disposable,
  });
  if (disposable) {
    for (const rule of ['AwsSolutions-RDS10', 'NIST.800.53.R5-RDSInstanceDeletionProtectionEnabled']) acknowledgeNag(database, rule, DISPOSABLE_DATABASE_REASON);
  }

  const piiBucket = new PiiBucket(stack, 'PiiBucket', {
    encryptionKey: keys.data,
    retentionDays: config.piiRetentionDays,
    legalBasis: config.legalBasis,
    vpcEndpointIds: [network.s3Endpoint.vpcEndpointId],
    accessLogRetentionDays: config.logRetentionDays,
    disposable,
  });

  const piiTable = new PiiTable(stack, 'PiiTable', {
    partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
    sortKey: { name: 'sk', type: dynamodb.AttributeType.STRING },
    encryptionKey: keys.data,
    disposable,
  });

  addOutputs(stack, { keys, network, database, piiBucket, piiTable });
  return { keys, network, database, piiBucket, piiTable };
}

const TIER_OUTPUTS: Record<NetworkTier, string> = {
  public: 'PublicSubnetIds',
  application: 'ApplicationSubnetIds',
  data: 'DataSubnetIds',
};

/** What an application deployed into the environment needs to find its network and stores. */
function addOutputs(stack: Stack, parts: NetworkAndData): void {
  const output = (id: string, value: string, description: string): CfnOutput => new CfnOutput(stack, id, { value, description });
  output('VpcId', parts.network.vpc.vpcId, 'The segmented VPC');
  for (const [tier, id] of Object.entries(TIER_OUTPUTS) as [NetworkTier, string][]) {
    output(id, Fn.join(',', parts.network.subnets(tier).map((s) => s.subnetId)), `Subnets of the ${tier} tier, comma-separated`);
  }
  output('DatabaseEndpoint', parts.database.endpoint, 'The database writer endpoint (TLS required)');
  output('DatabasePort', String(parts.database.port), 'The database port');
  output('DatabaseSecretArn', parts.database.secret.secretArn, 'The master credential in Secrets Manager');
  output('PiiBucketName', parts.piiBucket.bucket.bucketName, 'The PII bucket');
  output('PiiTableName', parts.piiTable.table.tableName, 'The PII table');
  output('DataKeyArn', parts.keys.data.keyArn, 'The KMS key of PII stores (grant it with the store)');
}
