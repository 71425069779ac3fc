import { judgeStatements } from '../../lookups/iam-documents';
import { actionMatches, INTRINSIC, type ConditionTest, type Statement } from '../../lookups/policy-document';
import { fail, resourceRule, unresolvable, type ResourceContext, type Verdict } from '../../types';
import { asArray, isIntrinsic } from '../../values';

const GITHUB = 'token.actions.githubusercontent.com';
/** Operators that pin a key to the listed values; `...IfExists` is met by a token without the claim. */
const PINNING = new Set(['stringequals', 'stringlike', 'stringequalsignorecase']);
/** `repo:<owner>/<repo>…` with a literal owner and a repository that is not only wildcards. */
const NAMES_REPOSITORY = /^repo:[^*?/:]+\/(?![*?]*(?::|$))[^:]+/i;

/** The OIDC provider host a `Federated` principal names, or undefined for a SAML provider; `{unknown}` when it cannot be read. */
function providerHost(ctx: ResourceContext, raw: unknown): string | undefined {
  if (typeof raw === 'string') {
    if (!raw.startsWith('arn:')) return raw.toLowerCase();
    return /:oidc-provider\/(.+)$/.exec(raw)?.[1].toLowerCase();
  }
  const ref = (raw as { Ref?: unknown } | null)?.Ref;
  if (typeof ref === 'string' && ctx.index.typeOf(ref) === 'AWS::IAM::OIDCProvider') {
    const url = ctx.index.resource(ref)?.Properties?.Url;
    return typeof url === 'string' ? url.replace(/^https:\/\//i, '').toLowerCase() : '{unknown}';
  }
  const sub = (raw as { 'Fn::Sub'?: unknown } | null)?.['Fn::Sub'];
  const host = typeof sub === 'string' ? /:oidc-provider\/([^$]+)$/.exec(sub)?.[1] : undefined;
  return host ? host.toLowerCase() : '{unknown}';
}

/** The tests pinning a claim (`<host>:aud`, `<host>:sub`) to values that are not only wildcards. */
function pins(statement: Statement, key: string, valueOk: (v: string) => boolean = (v) => !/^[*?]*$/.test(v)): 'yes' | 'no' | 'unknown' {
  const tests = statement.conditions.filter((t: ConditionTest) => t.key === key && PINNING.has(t.base) && !t.ifExists && t.qualifier !== 'forallvalues');
  if (tests.some((t) => t.intrinsic || t.values.some(isIntrinsic))) return 'unknown';
  return tests.some((t) => t.values.length > 0 && t.values.every((v) => typeof v === 'string' && valueOk(v))) ? 'yes' : 'no';
}

function judge(ctx: ResourceContext, path: string, statement: Statement): Verdict[] {
  const principal = statement.principalRaw;
  const webIdentity = statement.actions.some((a) => actionMatches(a, 'sts:AssumeRoleWithWebIdentity'));
  // A trust whose principal, Effect or Action is unknown may be a web-identity allow: never a silent pass.
  if (isIntrinsic(principal)) return statement.effect !== 'Deny' && (webIdentity || statement.actions.includes(INTRINSIC)) ? [unresolvable(`${path}.${statement.label}.Principal`, 'the principal is given by an intrinsic')] : [];
  if (!principal || typeof principal !== 'object' || !('Federated' in principal)) return [];
  if (statement.effect === 'unresolvable' || statement.actions.includes(INTRINSIC)) return [unresolvable(`${path}.${statement.label}`, 'its Effect or Action is given by an intrinsic')];
  if (statement.effect !== 'Allow' || !webIdentity) return [];
  const verdicts: Verdict[] = [];
  for (const raw of asArray((principal as { Federated: unknown }).Federated)) {
    const host = providerHost(ctx, raw);
    if (host === undefined) continue;
    if (host === '{unknown}') {
      verdicts.push(unresolvable(`${path}.${statement.label}.Principal.Federated`, 'the identity provider is given by an intrinsic'));
      continue;
    }
    const audience = pins(statement, `${host}:aud`);
    const subject = host === GITHUB ? pins(statement, `${host}:sub`, (v) => NAMES_REPOSITORY.test(v)) : 'yes';
    if (audience === 'unknown' || subject === 'unknown') verdicts.push(unresolvable(`${path}.${statement.label}.Condition`, 'a claim condition is given by an intrinsic'));
    else if (audience === 'no') verdicts.push(fail(`${statement.label} trusts web identities of ${host} with no ${host}:aud condition, so a token minted for any audience can assume the role`, `${path}.${statement.label}.Condition`));
    else if (subject === 'no') verdicts.push(fail(`${statement.label} trusts GitHub Actions with no ${GITHUB}:sub condition naming repositories (repo:<owner>/<repo>:…), so any repository's workflow can assume the role`, `${path}.${statement.label}.Condition`));
  }
  return verdicts;
}

export const OidcTrustRestricted = resourceRule({
  id: 'DPP-2.3-OidcTrustRestricted',
  clause: '2.3',
  level: 'error',
  resourceTypes: ['AWS::IAM::Role'],
  description: 'Roles trusted by a web identity (OIDC) provider restrict the audience, and for GitHub Actions the subject to named repositories',
  fix: 'Add StringEquals <provider>:aud (e.g. sts.amazonaws.com) and, for GitHub, StringLike token.actions.githubusercontent.com:sub: repo:<owner>/<repo>:<ref or environment>',
  explanation: 'DPP 2.3 Least Privilege Access requires access limited to those who need it; without audience and subject conditions anyone who can get a token from the provider can assume the role.',
  check: (ctx) => judgeStatements(ctx, ['trust'], (document, statement) => judge(ctx, document.path, statement)[0]),
});
