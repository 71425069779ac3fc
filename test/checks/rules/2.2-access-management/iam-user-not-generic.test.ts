import { IamUserNotGeneric, isGenericUserName } from '../../../../lib/checks/rules/2.2-access-management/iam-user-not-generic';
import { findingsOf, parameters } from '../../../helpers/check';

const rule = IamUserNotGeneric;
const user = (Properties: Record<string, unknown>, logicalId = 'User') => findingsOf(rule, { [logicalId]: { Type: 'AWS::IAM::User', Properties } }, parameters('Name'));

describe('DPP-2.2-IamUserNotGeneric', () => {
  test.each(['admin', 'Admin1', 'root', 'test-user-2', 'shared_service', 'SharedAccount', 'default', 'user', 'service', 'adminuser', 'generic.user.01', 'Administrator'])('%s is generic', (name) => {
    expect(isGenericUserName(name)).toBe(true);
  });

  test.each(['jane.doe', 'jdoe', 'admin.jane', 'jane-admin', 'dana.user@example.com', 'rootkit-researcher-li', '12345', 'testa', 'serviceman'])('%s is personal', (name) => {
    expect(isGenericUserName(name)).toBe(false);
  });

  test('passes a user named for a person', () => {
    expect(user({ UserName: 'jane.doe' })).toEqual([]);
    expect(user({}, 'JaneDoeE5F6A7B8')).toEqual([]);
  });

  test('fails a generic user name, naming it', () => {
    const [finding, ...rest] = user({ UserName: 'admin2' });
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: 'DPP-2.2-IamUserNotGeneric', clause: '2.2', level: 'error', logicalId: 'User', property: 'UserName' });
    expect(finding.message).toMatch(/^IAM user name "admin2" is generic or shared\. Fix: /);
  });

  test('fails an unnamed user whose logical ID (less the CDK hash) is generic', () => {
    expect(user({}, 'TestUser1A2B3C4D')).toEqual([expect.objectContaining({ level: 'error', message: expect.stringMatching(/logical ID "TestUser1A2B3C4D" is generic/) })]);
  });

  test('warns when the name is an intrinsic', () => {
    expect(user({ UserName: { Ref: 'Name' } })).toEqual([expect.objectContaining({ level: 'warning', property: 'UserName', message: expect.stringMatching(/^cannot be verified at synth time: UserName \(parameter Name\)/) })]);
    expect(user({ UserName: { 'Fn::Sub': '${AWS::StackName}-admin' } })).toEqual([expect.objectContaining({ level: 'warning' })]);
  });
});
