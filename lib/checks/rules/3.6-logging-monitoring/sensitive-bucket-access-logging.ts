import { requirePresent } from '../../assert';
import { whenClassified } from '../../lookups/classified-store';
import { resourceRule } from '../../types';
import { sensitiveStatus } from '../../vocabulary';

export const SensitiveBucketAccessLogging = resourceRule({
  id: 'DPP-3.6-SensitiveBucketAccessLogging',
  clause: '3.6',
  level: 'error',
  resourceTypes: ['AWS::S3::Bucket'],
  description: 'Buckets classified pii or confidential log server access',
  fix: 'Set LoggingConfiguration.DestinationBucketName to the environment\'s access-log bucket',
  explanation: 'DPP 3.6 Logging and Monitoring requires logging access attempts on every storage-layer channel that reaches Information.',
  check: (ctx) => whenClassified(ctx, sensitiveStatus(ctx.index, ctx.logicalId), () =>
    // An empty LoggingConfiguration logs into the bucket itself: still access logging.
    requirePresent(ctx, 'LoggingConfiguration', 'sensitive bucket does not log server access (LoggingConfiguration is absent)')),
});
