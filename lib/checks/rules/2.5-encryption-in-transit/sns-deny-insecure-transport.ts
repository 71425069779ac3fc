import { requireDenyInsecureTransport, SNS_TOPIC_TARGET } from '../../lookups/secure-transport';
import { resourceRule } from '../../types';

export const SnsDenyInsecureTransport = resourceRule({
  id: 'DPP-2.5-SnsDenyInsecureTransport',
  clause: '2.5',
  level: 'error',
  resourceTypes: ['AWS::SNS::Topic'],
  description: 'SNS topics have a topic policy that denies publishing without TLS',
  fix: 'Add a topic policy statement that Denies sns:Publish to every principal on the topic when aws:SecureTransport is false (CDK: enforceSSL: true)',
  explanation: 'DPP 2.5 Encryption in Transit requires all Information to be encrypted in transit (TLS 1.2+) on every endpoint; SNS accepts plain HTTP requests unless the topic policy refuses them.',
  check: (ctx) => requireDenyInsecureTransport(ctx, SNS_TOPIC_TARGET),
});
