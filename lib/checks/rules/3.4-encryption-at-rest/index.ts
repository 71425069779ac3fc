import type { Rule } from '../../types';
import { BackupVaultKmsKey } from './backup-vault-kms-key';
import { DynamoDbTableEncrypted } from './dynamodb-table-encrypted';
import { EbsVolumeEncrypted } from './ebs-volume-encrypted';
import { EfsFileSystemEncrypted } from './efs-file-system-encrypted';
import { ElastiCacheAtRestEncrypted } from './elasticache-encrypted';
import { KinesisStreamEncrypted } from './kinesis-stream-encrypted';
import { KmsKeyPolicyOwnAccount } from './kms-key-policy-own-account';
import { KmsKeyRotation } from './kms-key-rotation';
import { KmsKeySpecStrength } from './kms-key-spec-strength';
import { OpenSearchEncryptedAtRest } from './opensearch-encrypted';
import { PiiDatabaseCustomerKey } from './pii-database-customer-key';
import { RdsStorageEncrypted } from './rds-storage-encrypted';
import { RedshiftClusterEncrypted } from './redshift-cluster-encrypted';
import { S3BucketEncrypted } from './s3-bucket-encrypted';
import { S3PiiBucketCustomerKey } from './s3-pii-bucket-customer-key';
import { SensitiveLogGroupKmsKey } from './sensitive-log-group-kms-key';
import { SnsPiiTopicKmsKey } from './sns-pii-topic-kms-key';
import { SqsPiiQueueKmsKey } from './sqs-pii-queue-kms-key';

/** The rules of DPP 3.4 Encryption at Rest. One rule per file in this folder; list each here. */
export const rules: readonly Rule[] = [
  S3BucketEncrypted,
  S3PiiBucketCustomerKey,
  RdsStorageEncrypted,
  PiiDatabaseCustomerKey,
  DynamoDbTableEncrypted,
  EfsFileSystemEncrypted,
  EbsVolumeEncrypted,
  ElastiCacheAtRestEncrypted,
  OpenSearchEncryptedAtRest,
  RedshiftClusterEncrypted,
  KinesisStreamEncrypted,
  SnsPiiTopicKmsKey,
  SqsPiiQueueKmsKey,
  SensitiveLogGroupKmsKey,
  BackupVaultKmsKey,
  KmsKeyRotation,
  KmsKeySpecStrength,
  KmsKeyPolicyOwnAccount,
];
