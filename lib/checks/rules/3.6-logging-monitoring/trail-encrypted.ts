import { requirePresent } from '../../assert';
import { resourceRule } from '../../types';

export const TrailEncrypted = resourceRule({
  id: 'DPP-3.6-TrailEncrypted',
  clause: '3.6',
  level: 'error',
  resourceTypes: ['AWS::CloudTrail::Trail'],
  description: 'CloudTrail trails encrypt their logs with a KMS key',
  fix: 'Set KMSKeyId to a customer-managed KMS key',
  explanation: 'DPP 3.6 Logging and Monitoring requires access controls on logs against unauthorised access; a KMS key adds a second, audited permission to read them.',
  check: (ctx) => requirePresent(ctx, 'KMSKeyId', 'trail logs are not KMS-encrypted (KMSKeyId is absent)'),
});
