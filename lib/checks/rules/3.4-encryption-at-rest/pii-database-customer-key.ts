import { isClusterMember } from '../../lookups/database';
import { whenClassified } from '../../lookups/classified-store';
import { requireCustomerKey } from '../../lookups/kms-key';
import { resourceRule } from '../../types';
import { piiStatus } from '../../vocabulary';

export const PiiDatabaseCustomerKey = resourceRule({
  id: 'DPP-3.4-PiiDatabaseCustomerKey',
  clause: '3.4',
  level: 'error',
  resourceTypes: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster', 'AWS::DocDB::DBCluster', 'AWS::Neptune::DBCluster'],
  description: 'PII databases are encrypted under a customer-managed KMS key',
  fix: 'Set KmsKeyId to a customer-managed KMS key whose key policy names the readers (CDK: storageEncryptionKey)',
  explanation: 'DPP 3.4 Encryption at Rest requires the keys that encrypt PII to be accessible only to the Developer\'s processes; the AWS-managed aws/rds key can be used by any principal of the account through RDS, a customer-managed key\'s policy limits who can. Same requirement as PII buckets and tables.',
  check: (ctx) => {
    // A DB instance inside a cluster is encrypted with the cluster's key.
    if (isClusterMember(ctx)) return undefined;
    return whenClassified(ctx, piiStatus(ctx.index, ctx.logicalId), () =>
      requireCustomerKey(ctx, 'KmsKeyId', 'the PII database is encrypted with the AWS-managed aws/rds key (KmsKeyId is absent)'));
  },
});
