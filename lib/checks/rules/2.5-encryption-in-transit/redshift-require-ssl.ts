import { requireGroupParameter } from '../../lookups/parameter-group';
import { resourceRule } from '../../types';
import { asBoolean } from '../../values';

export const RedshiftRequireSsl = resourceRule({
  id: 'DPP-2.5-RedshiftRequireSsl',
  clause: '2.5',
  level: 'error',
  resourceTypes: ['AWS::Redshift::Cluster'],
  description: 'Redshift clusters refuse connections without TLS (require_ssl true)',
  fix: 'Give the cluster an AWS::Redshift::ClusterParameterGroup of this template with the parameter require_ssl = true',
  explanation: 'DPP 2.5 Encryption in Transit requires all Information to be encrypted in transit; Redshift accepts unencrypted connections unless require_ssl is set in its parameter group.',
  check: (ctx) =>
    requireGroupParameter(ctx, 'ClusterParameterGroupName', 'AWS::Redshift::ClusterParameterGroup', {
      parameter: 'require_ssl',
      isOn: (value) => asBoolean(value) === true,
      label: 'require_ssl = true',
    }),
});
