import { IAMClient } from '@aws-sdk/client-iam';
import {
  decodePhysicalId,
  encodePhysicalId,
  onEvent,
  settingsFromProperties,
  type PasswordPolicyEvent,
} from '../../lib/handlers/account-password-policy';
import { clientConfig, FakeAwsEndpoint, IAM_NAMESPACE, queryError, queryResult, type FakeRequest } from './fake-aws-endpoint';

/** The properties CloudFormation passes: every value a string. */
const PROPERTIES = {
  ServiceToken: 'arn:aws:lambda:eu-west-1:111111111111:function:provider',
  MinimumPasswordLength: '14',
  RequireSymbols: 'true',
  RequireNumbers: 'true',
  RequireUppercaseCharacters: 'true',
  RequireLowercaseCharacters: 'true',
  MaxPasswordAge: '90',
  PasswordReusePrevention: '24',
  AllowUsersToChangePassword: 'true',
  HardExpiry: 'false',
};

const EXISTING_POLICY_XML = `<PasswordPolicy>
  <MinimumPasswordLength>8</MinimumPasswordLength>
  <RequireSymbols>false</RequireSymbols>
  <RequireNumbers>true</RequireNumbers>
  <RequireUppercaseCharacters>false</RequireUppercaseCharacters>
  <RequireLowercaseCharacters>true</RequireLowercaseCharacters>
  <AllowUsersToChangePassword>true</AllowUsersToChangePassword>
  <ExpirePasswords>true</ExpirePasswords>
  <MaxPasswordAge>180</MaxPasswordAge>
  <PasswordReusePrevention>3</PasswordReusePrevention>
  <HardExpiry>false</HardExpiry>
</PasswordPolicy>`;

const ok = (action: string, xml = '') => queryResult(IAM_NAMESPACE, action, xml);
const noPolicy = () => queryError(IAM_NAMESPACE, 'NoSuchEntity', 'The Password Policy with domain name 111111111111 cannot be found.', 404);

/** An IAM account whose password policy lives in the fake endpoint, as IAM would keep it. */
function accountWithPolicy(initial: string | undefined) {
  let policyXml = initial;
  return (request: FakeRequest) => {
    switch (request.action) {
      case 'GetAccountPasswordPolicy':
        return policyXml ? ok(request.action, policyXml) : noPolicy();
      case 'UpdateAccountPasswordPolicy':
        policyXml = `<PasswordPolicy><MinimumPasswordLength>${request.params.MinimumPasswordLength}</MinimumPasswordLength></PasswordPolicy>`;
        return ok(request.action);
      case 'DeleteAccountPasswordPolicy':
        if (!policyXml) return noPolicy();
        policyXml = undefined;
        return ok(request.action);
      default:
        return queryError(IAM_NAMESPACE, 'InvalidAction', `unexpected ${request.action}`);
    }
  };
}

describe('account-password-policy handler', () => {
  let endpoint: FakeAwsEndpoint;
  let iam: IAMClient;

  beforeAll(async () => {
    endpoint = await FakeAwsEndpoint.start();
    iam = new IAMClient(clientConfig(endpoint.url));
  });
  afterAll(async () => {
    iam.destroy();
    await endpoint.close();
  });
  beforeEach(() => {
    endpoint.requests.length = 0;
  });

  const event = (RequestType: PasswordPolicyEvent['RequestType'], PhysicalResourceId?: string, props = PROPERTIES): PasswordPolicyEvent => ({
    RequestType,
    ResourceProperties: props,
    PhysicalResourceId,
  });

  test('create on an account with no policy: applies the policy and remembers there was none', async () => {
    endpoint.respondWith(accountWithPolicy(undefined));
    const response = await onEvent(iam, event('Create'));

    expect(endpoint.requests.map((r) => r.action)).toEqual(['GetAccountPasswordPolicy', 'UpdateAccountPasswordPolicy']);
    expect(endpoint.calls('UpdateAccountPasswordPolicy')[0].params).toMatchObject({
      MinimumPasswordLength: '14',
      RequireSymbols: 'true',
      RequireNumbers: 'true',
      RequireUppercaseCharacters: 'true',
      RequireLowercaseCharacters: 'true',
      MaxPasswordAge: '90',
      PasswordReusePrevention: '24',
      AllowUsersToChangePassword: 'true',
      HardExpiry: 'false',
    });
    expect(endpoint.calls('UpdateAccountPasswordPolicy')[0].params).not.toHaveProperty('ServiceToken');
    expect(response.PhysicalResourceId).toBe('dpp-account-password-policy/none');
    expect(response.Data).toEqual({ PreviousPolicy: 'none' });
  });

  test('create on an account with a policy: keeps the old policy in the physical ID', async () => {
    endpoint.respondWith(accountWithPolicy(EXISTING_POLICY_XML));
    const response = await onEvent(iam, event('Create'));

    const previous = decodePhysicalId(response.PhysicalResourceId);
    expect(previous).toEqual({
      MinimumPasswordLength: 8,
      RequireSymbols: false,
      RequireNumbers: true,
      RequireUppercaseCharacters: false,
      RequireLowercaseCharacters: true,
      AllowUsersToChangePassword: true,
      MaxPasswordAge: 180,
      PasswordReusePrevention: 3,
      HardExpiry: false,
    });
    expect(JSON.parse(response.Data!.PreviousPolicy)).toEqual(previous);
  });

  test('a previous policy whose passwords never expire is restored without an age', async () => {
    endpoint.respondWith(accountWithPolicy('<PasswordPolicy><MinimumPasswordLength>10</MinimumPasswordLength><ExpirePasswords>false</ExpirePasswords></PasswordPolicy>'));
    const { PhysicalResourceId } = await onEvent(iam, event('Create'));
    expect(decodePhysicalId(PhysicalResourceId)).toEqual({ MinimumPasswordLength: 10 });
  });

  test('update applies the new values and keeps the physical ID (the policy to restore does not change)', async () => {
    endpoint.respondWith(accountWithPolicy(EXISTING_POLICY_XML));
    const physicalId = encodePhysicalId({ MinimumPasswordLength: 8 });
    const response = await onEvent(iam, event('Update', physicalId, { ...PROPERTIES, MinimumPasswordLength: '16' }));

    expect(endpoint.requests.map((r) => r.action)).toEqual(['UpdateAccountPasswordPolicy']);
    expect(endpoint.calls('UpdateAccountPasswordPolicy')[0].params.MinimumPasswordLength).toBe('16');
    expect(response.PhysicalResourceId).toBe(physicalId);
  });

  test('delete restores the policy found at create time', async () => {
    endpoint.respondWith(accountWithPolicy(EXISTING_POLICY_XML));
    const { PhysicalResourceId } = await onEvent(iam, event('Create'));
    endpoint.requests.length = 0;

    const response = await onEvent(iam, event('Delete', PhysicalResourceId));

    expect(endpoint.requests.map((r) => r.action)).toEqual(['UpdateAccountPasswordPolicy']);
    expect(endpoint.calls('UpdateAccountPasswordPolicy')[0].params).toMatchObject({
      MinimumPasswordLength: '8',
      RequireSymbols: 'false',
      MaxPasswordAge: '180',
      PasswordReusePrevention: '3',
    });
    expect(response.PhysicalResourceId).toBe(PhysicalResourceId);
  });

  test('delete removes the policy when the account had none', async () => {
    endpoint.respondWith(accountWithPolicy(undefined));
    const { PhysicalResourceId } = await onEvent(iam, event('Create'));
    endpoint.requests.length = 0;

    await onEvent(iam, event('Delete', PhysicalResourceId));
    expect(endpoint.requests.map((r) => r.action)).toEqual(['DeleteAccountPasswordPolicy']);
  });

  test('delete succeeds when the policy is already gone', async () => {
    endpoint.respondWith(accountWithPolicy(undefined));
    await expect(onEvent(iam, event('Delete', encodePhysicalId(undefined)))).resolves.toEqual({ PhysicalResourceId: 'dpp-account-password-policy/none' });
  });

  test('delete after a failed create (a physical ID this handler did not make) changes nothing', async () => {
    endpoint.respondWith(accountWithPolicy(EXISTING_POLICY_XML));
    await onEvent(iam, event('Delete', '2024/01/01/[$LATEST]abcdef'));
    expect(endpoint.requests).toEqual([]);
  });

  test('an IAM error is surfaced as a clear failure naming the call and the code', async () => {
    endpoint.respondWith((request) => request.action === 'GetAccountPasswordPolicy'
      ? noPolicy()
      : queryError(IAM_NAMESPACE, 'MalformedPolicyDocument', 'MinimumPasswordLength must be between 6 and 128'));
    await expect(onEvent(iam, event('Create'))).rejects.toThrow(
      'IAM UpdateAccountPasswordPolicy failed: MalformedPolicyDocumentException: MinimumPasswordLength must be between 6 and 128',
    );
  });

  test('access denied on read fails the create before anything changes', async () => {
    endpoint.respondWith(() => queryError(IAM_NAMESPACE, 'AccessDenied', 'not authorized to perform iam:GetAccountPasswordPolicy', 403));
    await expect(onEvent(iam, event('Create'))).rejects.toThrow(/^IAM GetAccountPasswordPolicy failed: AccessDenied.*not authorized/);
    expect(endpoint.calls('UpdateAccountPasswordPolicy')).toEqual([]);
  });

  test('a throttled call is retried by the SDK and then succeeds', async () => {
    let throttled = false;
    const account = accountWithPolicy(undefined);
    endpoint.respondWith((request) => {
      if (request.action === 'UpdateAccountPasswordPolicy' && !throttled) {
        throttled = true;
        return queryError(IAM_NAMESPACE, 'Throttling', 'Rate exceeded');
      }
      return account(request);
    });
    await expect(onEvent(iam, event('Create'))).resolves.toMatchObject({ PhysicalResourceId: 'dpp-account-password-policy/none' });
    expect(endpoint.calls('UpdateAccountPasswordPolicy')).toHaveLength(2);
  });

  test('properties that are not numbers or booleans are rejected clearly', () => {
    expect(() => settingsFromProperties({ MinimumPasswordLength: 'fourteen' })).toThrow('MinimumPasswordLength must be an integer, got "fourteen"');
    expect(() => settingsFromProperties({ RequireSymbols: 'yes' })).toThrow('RequireSymbols must be true or false, got "yes"');
  });
});
