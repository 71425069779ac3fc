import { requireDenyInsecureTransport, SQS_QUEUE_TARGET } from '../../lookups/secure-transport';
import { resourceRule } from '../../types';

export const SqsDenyInsecureTransport = resourceRule({
  id: 'DPP-2.5-SqsDenyInsecureTransport',
  clause: '2.5',
  level: 'error',
  resourceTypes: ['AWS::SQS::Queue'],
  description: 'SQS queues have a queue policy that denies sending and receiving without TLS',
  fix: 'Add a queue policy statement that Denies sqs:* to every principal on the queue when aws:SecureTransport is false (CDK: enforceSSL: true)',
  explanation: 'DPP 2.5 Encryption in Transit requires all Information to be encrypted in transit (TLS 1.2+) on every endpoint; SQS accepts plain HTTP requests unless the queue policy refuses them.',
  check: (ctx) => requireDenyInsecureTransport(ctx, SQS_QUEUE_TARGET),
});
