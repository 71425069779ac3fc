import type { Rule } from '../../types';
import { AlarmTopicAllowsCloudWatch } from './alarm-topic-allows-cloudwatch';
import { ApiStageAccessLogs } from './api-stage-access-logs';
import { CloudFrontAccessLogs } from './cloudfront-access-logs';
import { LoadBalancerAccessLogs } from './load-balancer-access-logs';
import { LogGroupRetention } from './log-group-retention';
import { SensitiveBucketAccessLogging } from './sensitive-bucket-access-logging';
import { TrailEncrypted } from './trail-encrypted';
import { TrailIsLogging } from './trail-is-logging';
import { TrailLogFileValidation } from './trail-log-file-validation';
import { TrailMultiRegion } from './trail-multi-region';
import { TrailPresent } from './trail-present';

/**
 * The rules of DPP 3.6 Logging and Monitoring. One rule per file in this folder; list each here.
 * VPC flow logs serve 3.6 too: their rule lives with DPP 2.1 Network Protection.
 */
export const rules: readonly Rule[] = [
  TrailPresent,
  TrailIsLogging,
  TrailMultiRegion,
  TrailLogFileValidation,
  TrailEncrypted,
  LogGroupRetention,
  SensitiveBucketAccessLogging,
  LoadBalancerAccessLogs,
  ApiStageAccessLogs,
  CloudFrontAccessLogs,
  AlarmTopicAllowsCloudWatch,
];
