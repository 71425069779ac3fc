import { forbidParameterValue } from '../../lookups/parameter-group';
import { resourceRule } from '../../types';

// The cluster parameter `tls`: enabled (the default), disabled, or (DocumentDB 5.0) fips-140-3,
// tls1.2+, tls1.3+ (Amazon DocumentDB Developer Guide, "Encrypting data in transit":
// https://docs.aws.amazon.com/documentdb/latest/developerguide/security.encryption.ssl.html).
export const DocumentDbTls = resourceRule({
  id: 'DPP-2.5-DocumentDbTls',
  clause: '2.5',
  level: 'error',
  resourceTypes: ['AWS::DocDB::DBClusterParameterGroup'],
  description: 'DocumentDB cluster parameter groups keep TLS on (tls is not disabled)',
  fix: 'Remove tls: disabled from Parameters (TLS is on by default), or set tls: enabled (or tls1.2+)',
  explanation: 'DPP 2.5 Encryption in Transit requires all Information to be encrypted in transit on internal endpoints too; with tls disabled the cluster accepts clear-text connections.',
  check: (ctx) => forbidParameterValue(ctx, 'tls', (v) => v === 'disabled', 'tls is disabled, so the cluster accepts connections without TLS'),
});
