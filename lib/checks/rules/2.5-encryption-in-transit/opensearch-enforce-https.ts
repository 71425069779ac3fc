import { requireTrue } from '../../assert';
import { MINIMUM_TLS, openSearchPolicyMinimumTls, tlsLabel } from '../../lookups/tls';
import type { ResourceContext, Verdict } from '../../types';
import { fail, resourceRule, unresolvable } from '../../types';

const POLICY = 'DomainEndpointOptions.TLSSecurityPolicy';

function tlsPolicyVerdict(ctx: ResourceContext): Verdict | undefined {
  const policy = ctx.prop(POLICY);
  if (policy.kind === 'unresolvable') return unresolvable(POLICY, policy.why);
  if (policy.kind === 'reference') return unresolvable(POLICY, 'a reference to another resource');
  if (policy.kind === 'absent') return fail('TLSSecurityPolicy is not set, so the domain relies on the service default (Policy-Min-TLS-1-0-2019-07, which accepts TLS 1.0)', POLICY);
  const name = String(policy.value);
  const minimum = openSearchPolicyMinimumTls(name);
  if (minimum === undefined) return fail(`TLSSecurityPolicy ${name} is not a known TLS 1.2+ policy`, POLICY);
  return minimum < MINIMUM_TLS ? fail(`TLSSecurityPolicy ${name} accepts ${tlsLabel(minimum)}`, POLICY) : undefined;
}

export const OpenSearchEnforceHttps = resourceRule({
  id: 'DPP-2.5-OpenSearchEnforceHttps',
  clause: '2.5',
  level: 'error',
  resourceTypes: ['AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'],
  description: 'OpenSearch domains enforce HTTPS with a TLS 1.2+ security policy',
  fix: 'Set DomainEndpointOptions.EnforceHTTPS: true and TLSSecurityPolicy: Policy-Min-TLS-1-2-PFS-2023-10 (or Policy-Min-TLS-1-2-2019-07)',
  explanation: 'DPP 2.5 Encryption in Transit requires TLS 1.2 or newer on every endpoint; without EnforceHTTPS the domain also answers plain HTTP.',
  check: (ctx) =>
    [requireTrue(ctx, 'DomainEndpointOptions.EnforceHTTPS', 'HTTPS is not enforced (DomainEndpointOptions.EnforceHTTPS is not true)'), tlsPolicyVerdict(ctx)].filter(
      (v): v is Verdict => v !== undefined,
    ),
});
