import { OidcTrustRestricted } from '../../../../lib/checks/rules/2.3-least-privilege/oidc-trust-restricted';
import { findingsOf, parameters } from '../../../helpers/check';

const GITHUB = 'token.actions.githubusercontent.com';
const PROVIDER = { 'Fn::Sub': `arn:\${AWS::Partition}:iam::\${AWS::AccountId}:oidc-provider/${GITHUB}` };

const role = (condition: unknown, federated: unknown = PROVIDER) => findingsOf(OidcTrustRestricted, {
  Deploy: {
    Type: 'AWS::IAM::Role',
    Properties: { AssumeRolePolicyDocument: { Statement: [{ Effect: 'Allow', Principal: { Federated: federated }, Action: 'sts:AssumeRoleWithWebIdentity', ...(condition ? { Condition: condition } : {}) }] } },
  },
  Provider: { Type: 'AWS::IAM::OIDCProvider', Properties: { Url: 'https://oidc.eks.eu-west-1.amazonaws.com/id/ABC', ClientIdList: ['sts.amazonaws.com'] } },
}, parameters('Repo', 'Provider'));

const AUD = { [`${GITHUB}:aud`]: 'sts.amazonaws.com' };

describe('DPP-2.3-OidcTrustRestricted', () => {
  test.each([
    ['GitHub, audience and a repository subject', { StringEquals: AUD, StringLike: { [`${GITHUB}:sub`]: 'repo:acme/shop:ref:refs/heads/main' } }],
    ['GitHub, keys and operators in another case', { stringequals: { 'TOKEN.ACTIONS.GITHUBUSERCONTENT.COM:AUD': 'sts.amazonaws.com', [`${GITHUB}:SUB`]: ['repo:acme/shop:environment:prod'] } }],
  ])('passes %s', (_, condition) => expect(role(condition)).toEqual([]));

  test('passes another provider (a Ref to an AWS::IAM::OIDCProvider) with an audience condition', () => {
    expect(role({ StringEquals: { 'oidc.eks.eu-west-1.amazonaws.com/id/abc:aud': 'sts.amazonaws.com' } }, { Ref: 'Provider' })).toEqual([]);
  });

  test.each([
    ['no condition', undefined, /no token\.actions\.githubusercontent\.com:aud condition/],
    ['an audience only', { StringEquals: AUD }, /no token\.actions\.githubusercontent\.com:sub condition naming repositories/],
    ['a subject of "*"', { StringEquals: AUD, StringLike: { [`${GITHUB}:sub`]: '*' } }, /:sub condition naming repositories/],
    ['a subject of any repository of any owner', { StringEquals: AUD, StringLike: { [`${GITHUB}:sub`]: 'repo:*' } }, /:sub condition naming repositories/],
    ['an audience under StringEqualsIfExists', { StringEqualsIfExists: AUD, StringLike: { [`${GITHUB}:sub`]: 'repo:acme/shop:*' } }, /:aud condition/],
  ])('fails GitHub trust with %s', (_, condition, message) => {
    expect(role(condition)).toEqual([expect.objectContaining({ level: 'error', message: expect.stringMatching(message) })]);
  });

  test('fails another provider without an audience condition', () => {
    expect(role(undefined, { Ref: 'Provider' })).toEqual([expect.objectContaining({ level: 'error', message: expect.stringMatching(/oidc\.eks\.eu-west-1\.amazonaws\.com\/id\/abc:aud/) })]);
  });

  test('warns when the subject or the provider is a parameter', () => {
    expect(role({ StringEquals: AUD, StringLike: { [`${GITHUB}:sub`]: { Ref: 'Repo' } } })).toEqual([expect.objectContaining({ level: 'warning' })]);
    expect(role({ StringEquals: AUD }, { Ref: 'Provider2' })).toEqual([expect.objectContaining({ level: 'warning' })]);
  });
});
