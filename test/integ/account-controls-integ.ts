import { ExpectedResult, IntegTest, InvocationType, Match } from '@aws-cdk/integ-tests-alpha';
import { DefaultStackSynthesizer, Stack, type App } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { organizationSchema } from '../../lib/config';
import { AccountControlsStack } from '../../lib/organization/account-controls-stack';
import { DPP } from '../../lib/policy/profile';
import type { IntegTarget } from './baseline-integ';

/** The throw-away IAM user the account-controls lockout test locks. */
export const ORG_LOCKOUT_PROBE_USER = 'dpp-integ-org-lockout-probe';
const SIGN_IN_TIME = Date.parse('2026-01-01T00:00:00Z');

/**
 * The integration test of the organization's account controls (`npm run integ -- --case
 * account-controls`): the template the `<prefix>-account-controls` StackSet deploys to each account,
 * deployed here as a plain stack (one StackSet instance) in a sandbox account without another DPP
 * baseline. It proves what offline tests cannot: that the inline handler code runs in Lambda, that
 * CloudFormation accepts the password-policy handler's own response, and that the lockout locks.
 * The StackSet service itself (trusted access, automatic deployment) needs an organization.
 */
export function buildAccountControlsIntegApp(app: App, target: IntegTarget): IntegTest {
  const { account, region } = target;
  const organization = organizationSchema.parse({ account, region, organizationalUnitIds: ['r-integ'], regions: [region] });
  // As the StackSet's body is synthesized: no CDK bootstrap version rule, no assets.
  const controls = new AccountControlsStack(app, 'DppInteg-account-controls', {
    organization, alertEmail: 'dpp-integ@example.com', policy: DPP,
    env: { account, region }, synthesizer: new DefaultStackSynthesizer({ generateBootstrapVersionRule: false }),
  });
  const probe = new Stack(app, 'DppInteg-account-controls-probe', { env: { account, region }, description: 'DPP account controls integration test: probes (deleted with the test)' });
  probe.addStackDependency(controls);
  new iam.User(probe, 'LockoutProbe', { userName: ORG_LOCKOUT_PROBE_USER });

  const assertionStack = new Stack(app, 'DppInteg-account-controls-assertions', { env: { account, region }, description: 'DPP account controls integration test: assertions' });
  const integ = new IntegTest(app, 'DppAccountControlsInteg', { testCases: [controls, probe], assertionStack, diffAssets: false });
  const assert = integ.assertions;

  // DPP 2.4: the password policy, set by the inline handler CloudFormation invoked directly, reads back.
  assert.awsApiCall('IAM', 'getAccountPasswordPolicy').expect(ExpectedResult.objectLike({
    PasswordPolicy: { MinimumPasswordLength: 14, RequireSymbols: true, RequireNumbers: true, RequireUppercaseCharacters: true, RequireLowercaseCharacters: true, MaxPasswordAge: 90 },
  }));

  // DPP 2.2: failed sign-ins as EventBridge delivers them (one per invocation, as forwarded from other regions too) lock the user at the threshold.
  const lockout = controls.lockout!;
  const invoke = (i: number) => assert.invokeFunction({ functionName: lockout.handler.function.functionName, invocationType: InvocationType.REQUEST_RESPONSE, payload: JSON.stringify(failedSignIn(account, i)) });
  let chain = invoke(0);
  for (let i = 1; i < lockout.maxFailures; i++) chain = chain.next(invoke(i));
  chain
    .next(assert.awsApiCall('IAM', 'listAttachedUserPolicies', { UserName: ORG_LOCKOUT_PROBE_USER })
      .expect(ExpectedResult.objectLike({ AttachedPolicies: [Match.objectLike({ PolicyArn: lockout.denyAllPolicy.managedPolicyArn })] })))
    .next(assert.awsApiCall('IAM', 'detachUserPolicy', { UserName: ORG_LOCKOUT_PROBE_USER, PolicyArn: lockout.denyAllPolicy.managedPolicyArn }));
  return integ;
}

/** An EventBridge "AWS Console Sign In via CloudTrail" event: a failed sign-in of the probe user. */
function failedSignIn(account: string, i: number): Record<string, unknown> {
  const eventTime = new Date(SIGN_IN_TIME + i * 1000).toISOString();
  return {
    id: `dpp-integ-org-${i}`, 'detail-type': 'AWS Console Sign In via CloudTrail', source: 'aws.signin', account, time: eventTime,
    detail: {
      eventID: `dpp-integ-org-${i}`, eventTime, eventName: 'ConsoleLogin', eventSource: 'signin.amazonaws.com', recipientAccountId: account, sourceIPAddress: '203.0.113.10',
      userIdentity: { type: 'IAMUser', accountId: account, userName: ORG_LOCKOUT_PROBE_USER },
      responseElements: { ConsoleLogin: 'Failure' },
    },
  };
}
