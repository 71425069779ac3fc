import type { Rule } from '../../types';
import { ApiGatewayDomainTls } from './api-gateway-domain-tls';
import { ClassicElbListenerTls } from './classic-elb-listener-tls';
import { CloudFrontMinimumTls } from './cloudfront-minimum-tls';
import { CloudFrontOriginHttps } from './cloudfront-origin-https';
import { CloudFrontViewerHttps } from './cloudfront-viewer-https';
import { DocumentDbTls } from './document-db-tls';
import { ElastiCacheTransitEncryption } from './elasticache-transit-encryption';
import { ElbListenerTls } from './elb-listener-tls';
import { MskTlsOnly } from './msk-tls-only';
import { NeptuneEnforceSsl } from './neptune-enforce-ssl';
import { OpenSearchEnforceHttps } from './opensearch-enforce-https';
import { OpenSearchNodeToNodeEncryption } from './opensearch-node-to-node-encryption';
import { RdsForceSsl } from './rds-force-ssl';
import { RedshiftRequireSsl } from './redshift-require-ssl';
import { S3DenyInsecureTransport } from './s3-deny-insecure-transport';
import { S3MinimumTlsVersion } from './s3-minimum-tls-version';
import { SnsDenyInsecureTransport } from './sns-deny-insecure-transport';
import { SnsHttpsSubscription } from './sns-https-subscription';
import { SqsDenyInsecureTransport } from './sqs-deny-insecure-transport';
import { TransferSftpOnly } from './transfer-sftp-only';

/** The rules of DPP 2.5 Encryption in Transit. One rule per file in this folder; list each here. */
export const rules: readonly Rule[] = [
  S3DenyInsecureTransport,
  SnsDenyInsecureTransport,
  SqsDenyInsecureTransport,
  ElbListenerTls,
  ClassicElbListenerTls,
  CloudFrontViewerHttps,
  CloudFrontMinimumTls,
  ApiGatewayDomainTls,
  RdsForceSsl,
  ElastiCacheTransitEncryption,
  OpenSearchEnforceHttps,
  OpenSearchNodeToNodeEncryption,
  RedshiftRequireSsl,
  TransferSftpOnly,
  S3MinimumTlsVersion,
  SnsHttpsSubscription,
  CloudFrontOriginHttps,
  MskTlsOnly,
  DocumentDbTls,
  NeptuneEnforceSsl,
];
