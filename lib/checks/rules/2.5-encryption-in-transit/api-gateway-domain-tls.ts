import { apiGatewayPolicyMinimumTls, MINIMUM_TLS, tlsLabel } from '../../lookups/tls';
import type { ResourceContext, Verdict } from '../../types';
import { fail, resourceRule, unresolvable } from '../../types';

/** One SecurityPolicy must be set and accept TLS 1.2+ only: the service default is not guaranteed to. */
function securityPolicyVerdict(ctx: ResourceContext, property: string): Verdict | undefined {
  const value = ctx.prop(property);
  if (value.kind === 'unresolvable') return unresolvable(property, value.why);
  if (value.kind === 'reference') return unresolvable(property, 'a reference to another resource');
  if (value.kind === 'absent') return fail(`${property} is not set, so the domain relies on the service default rather than requiring TLS 1.2`, property);
  const name = String(value.value);
  const minimum = apiGatewayPolicyMinimumTls(name);
  if (minimum === undefined) return fail(`${property} ${name} is not a known TLS 1.2+ security policy`, property);
  return minimum < MINIMUM_TLS ? fail(`${property} ${name} accepts ${tlsLabel(minimum)}`, property) : undefined;
}

export const ApiGatewayDomainTls = resourceRule({
  id: 'DPP-2.5-ApiGatewayDomainTls',
  clause: '2.5',
  level: 'error',
  resourceTypes: ['AWS::ApiGateway::DomainName', 'AWS::ApiGatewayV2::DomainName'],
  description: 'API Gateway custom domains require TLS 1.2 or newer',
  fix: 'Set SecurityPolicy: TLS_1_2 (or a SecurityPolicy_TLS13_… policy) on the domain (ApiGatewayV2: on every DomainNameConfigurations entry)',
  explanation: 'DPP 2.5 Encryption in Transit requires TLS 1.2 or newer on every external endpoint; a TLS_1_0 policy also accepts TLS 1.0 and 1.1 clients.',
  check: (ctx) => {
    if (ctx.type === 'AWS::ApiGateway::DomainName') return securityPolicyVerdict(ctx, 'SecurityPolicy');
    const configurations = ctx.prop('DomainNameConfigurations');
    if (configurations.kind === 'unresolvable') return unresolvable('DomainNameConfigurations', configurations.why);
    const list = configurations.kind === 'known' && Array.isArray(configurations.value) ? configurations.value : [];
    if (list.length === 0) return fail('DomainNameConfigurations is empty, so no SecurityPolicy requires TLS 1.2', 'DomainNameConfigurations');
    return list.map((_, i) => securityPolicyVerdict(ctx, `DomainNameConfigurations.${i}.SecurityPolicy`)).filter((v): v is Verdict => v !== undefined);
  },
});
