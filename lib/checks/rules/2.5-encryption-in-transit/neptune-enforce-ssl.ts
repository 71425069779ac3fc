import { forbidParameterValue } from '../../lookups/parameter-group';
import { resourceRule } from '../../types';

// The cluster parameter `neptune_enforce_ssl`: 1 (the default) refuses connections without TLS
// (Amazon Neptune User Guide, "neptune_enforce_ssl":
// https://docs.aws.amazon.com/neptune/latest/userguide/parameters.html).
export const NeptuneEnforceSsl = resourceRule({
  id: 'DPP-2.5-NeptuneEnforceSsl',
  clause: '2.5',
  level: 'error',
  resourceTypes: ['AWS::Neptune::DBClusterParameterGroup'],
  description: 'Neptune cluster parameter groups keep TLS enforced (neptune_enforce_ssl is not 0)',
  fix: 'Remove neptune_enforce_ssl: 0 from Parameters, or set it to 1',
  explanation: 'DPP 2.5 Encryption in Transit requires all Information to be encrypted in transit on internal endpoints too; neptune_enforce_ssl 0 lets clients connect without TLS.',
  check: (ctx) => forbidParameterValue(ctx, 'neptune_enforce_ssl', (v) => v === '0', 'neptune_enforce_ssl is 0, so the cluster accepts connections without TLS'),
});
