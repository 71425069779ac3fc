import type { Rule } from '../../types';
import { ApiGatewayDomainTls } from './api-gateway-domain-tls';
import { ClassicElbListenerTls } from './classic-elb-listener-tls';
import { CloudFrontMinimumTls } from './cloudfront-minimum-tls';
import { CloudFrontViewerHttps } from './cloudfront-viewer-https';
import { ElastiCacheTransitEncryption } from './elasticache-transit-encryption';
import { ElbListenerTls } from './elb-listener-tls';
import { OpenSearchEnforceHttps } from './opensearch-enforce-https';
import { OpenSearchNodeToNodeEncryption } from './opensearch-node-to-node-encryption';
import { RdsForceSsl } from './rds-force-ssl';
import { RedshiftRequireSsl } from './redshift-require-ssl';
import { S3DenyInsecureTransport } from './s3-deny-insecure-transport';
import { SnsDenyInsecureTransport } from './sns-deny-insecure-transport';
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
];
