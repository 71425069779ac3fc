import { Template } from 'aws-cdk-lib/assertions';
import { EncryptionKeys, type EncryptionKeysProps } from '../../../constructs/security/keys';
import { newStack } from '../fixtures';

function build(props?: EncryptionKeysProps): Template {
  const { stack } = newStack();
  new EncryptionKeys(stack, 'Keys', props);
  return Template.fromStack(stack);
}

describe('EncryptionKeys', () => {
  let template: Template;
  let keys: Record<string, Record<string, any>>;
  beforeAll(() => {
    template = build();
    keys = template.findResources('AWS::KMS::Key');
  });

  test('one symmetric, yearly-rotated key per purpose, each with an alias', () => {
    expect(Object.keys(keys)).toHaveLength(3);
    for (const key of Object.values(keys)) {
      expect(key.Properties).toMatchObject({ EnableKeyRotation: true, KeySpec: 'SYMMETRIC_DEFAULT', KeyUsage: 'ENCRYPT_DECRYPT', PendingWindowInDays: 30 });
      // Kept with the stack, deleted only when the create that made them rolls back.
      expect(key.DeletionPolicy).toBe('RetainExceptOnCreate');
    }
    for (const purpose of ['data', 'logs', 'secrets']) template.hasResourceProperties('AWS::KMS::Alias', { AliasName: `alias/dpp/${purpose}` });
  });

  test('key policies grant only the account root, CloudWatch Logs for this account\'s log groups on the logs key, and Macie through S3 on the data key', () => {
    for (const [id, key] of Object.entries(keys)) {
      const statements = key.Properties.KeyPolicy.Statement as { Principal: Record<string, unknown>; Condition?: unknown }[];
      expect(statements[0]).toEqual({ Action: 'kms:*', Effect: 'Allow', Resource: '*', Principal: { AWS: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::111111111111:root']] } } });
      const others = statements.slice(1);
      if (id.startsWith('KeysSecrets')) expect(others).toEqual([]);
      else if (id.startsWith('KeysData')) {
        // Macie's service-linked role, decrypting through S3 only (Principal "*" narrowed to that role in this account).
        expect(others).toEqual([{
          Sid: 'AllowMacieToReadObjectsThroughS3', Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*', Principal: { AWS: '*' },
          Condition: {
            StringEquals: { 'kms:CallerAccount': '111111111111', 'kms:ViaService': 's3.eu-west-1.amazonaws.com' },
            ArnEquals: { 'aws:PrincipalArn': { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::111111111111:role/aws-service-role/macie.amazonaws.com/AWSServiceRoleForAmazonMacie']] } },
          },
        }]);
      } else {
        expect(others).toEqual([
          expect.objectContaining({
            Principal: { Service: 'logs.eu-west-1.amazonaws.com' },
            Condition: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':logs:eu-west-1:111111111111:log-group:*']] } } },
          }),
        ]);
      }
      if (!id.startsWith('KeysData')) expect(JSON.stringify(statements)).not.toMatch(/"Principal":"\*"|"AWS":"\*"/);
    }
  });

  test('disposable keys are scheduled for deletion with the stack, after the pending window', () => {
    const disposable = build({ disposable: true, pendingWindowDays: 7, aliasPrefix: 'team/test' });
    // The logs key stays unless disposableLogsKey: log groups kept after the stack stay encrypted under it.
    expect(Object.entries(disposable.findResources('AWS::KMS::Key')).map(([id, k]) => [id.replace(/[0-9A-F]{8}$/, ''), k.DeletionPolicy, k.Properties.PendingWindowInDays]))
      .toEqual([['KeysData', 'Delete', 7], ['KeysLogs', 'RetainExceptOnCreate', 7], ['KeysSecrets', 'Delete', 7]]);
    build({ disposable: true, disposableLogsKey: true }).allResources('AWS::KMS::Key', { DeletionPolicy: 'Delete' });
    disposable.hasResourceProperties('AWS::KMS::Alias', { AliasName: 'alias/team/test/data' });
  });

  test.each<[string, EncryptionKeysProps, string]>([
    ['an aws alias prefix', { aliasPrefix: 'aws' }, 'EncryptionKeys: aliasPrefix must be letters'],
    ['an alias prefix with blanks', { aliasPrefix: 'my keys' }, 'EncryptionKeys: aliasPrefix must be letters'],
    ['a pending window under 7 days', { pendingWindowDays: 5 }, 'EncryptionKeys: pendingWindowDays must be an integer from 7 to 30, got 5'],
  ])('rejects %s', (_, props, message) => {
    const { stack } = newStack();
    expect(() => new EncryptionKeys(stack, 'Keys', props)).toThrow(message);
  });
});
