import { SecretCustomerKey } from '../../../../lib/checks/rules/2.4-credential-management/secret-customer-key';
import { findingsOf, parameters, type Resources } from '../../../helpers/check';

const rule = SecretCustomerKey;
const KEYS: Resources = { Key: { Type: 'AWS::KMS::Key' }, Alias: { Type: 'AWS::KMS::Alias', Properties: { AliasName: 'alias/api-keys', TargetKeyId: { Ref: 'Key' } } }, Topic: { Type: 'AWS::SNS::Topic' } };
const secret = (Properties: Record<string, unknown>) => findingsOf(rule, { ...KEYS, S: { Type: 'AWS::SecretsManager::Secret', Properties } }, parameters('KeyArn'));

describe('DPP-2.4-SecretCustomerKey', () => {
  test.each([
    ['a key of the template (Ref)', { Ref: 'Key' }],
    ['a key of the template (GetAtt Arn)', { 'Fn::GetAtt': ['Key', 'Arn'] }],
    ['an alias of the template', { Ref: 'Alias' }],
    ['a literal customer key ARN', 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab'],
    ['a customer alias built with Fn::Sub', { 'Fn::Sub': 'arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:alias/api-keys' }],
  ])('passes %s', (_, keyId) => {
    expect(secret({ KmsKeyId: keyId })).toEqual([]);
  });

  test('fails a secret with no KmsKeyId', () => {
    const [finding, ...rest] = secret({});
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: 'DPP-2.4-SecretCustomerKey', clause: '2.4', level: 'error', logicalId: 'S', property: 'KmsKeyId' });
    expect(finding.message).toMatch(/^KmsKeyId is not set, so the secret uses the AWS managed key aws\/secretsmanager\. Fix: /);
  });

  test.each([['alias/aws/secretsmanager'], ['arn:aws:kms:eu-west-1:123456789012:alias/aws/secretsmanager']])('fails the AWS managed key %s', (keyId) => {
    expect(secret({ KmsKeyId: keyId })).toEqual([expect.objectContaining({ level: 'error', message: expect.stringMatching(/AWS managed key/) })]);
  });

  test('fails a reference to something that is not a key, and a replica without a customer key', () => {
    expect(secret({ KmsKeyId: { Ref: 'Topic' } })).toEqual([expect.objectContaining({ level: 'error', message: expect.stringMatching(/not a KMS key/) })]);
    expect(secret({ KmsKeyId: { Ref: 'Key' }, ReplicaRegions: [{ Region: 'eu-central-1' }] })).toEqual([expect.objectContaining({ level: 'error', property: 'ReplicaRegions.0.KmsKeyId' })]);
  });

  test('warns when the key is a parameter, an import or a condition', () => {
    for (const keyId of [{ Ref: 'KeyArn' }, { 'Fn::ImportValue': 'SharedKey' }, { 'Fn::If': ['Prod', { Ref: 'Key' }, 'alias/aws/secretsmanager'] }]) {
      expect(secret({ KmsKeyId: keyId })).toEqual([expect.objectContaining({ level: 'warning', property: 'KmsKeyId', message: expect.stringMatching(/^cannot be verified at synth time: KmsKeyId/) })]);
    }
  });
});
