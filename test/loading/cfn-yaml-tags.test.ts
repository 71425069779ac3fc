import { readTemplateFile } from '../../lib/loading/parse-template';
import { parseTemplate } from '../../lib/loading/parse-template';

describe('CloudFormation short-form tags', () => {
  const { template } = readTemplateFile('test/fixtures/templates/short-form-tags.yaml');
  const orders = template.Resources!.Orders.Properties!;
  const tag = (key: string) => (orders.Tags as Array<{ Key: string; Value: unknown }>).find((t) => t.Key === key)!.Value;

  test('maps every tag to its long form, in scalar, sequence and mapping forms', () => {
    expect(template.Conditions).toEqual({
      IsProd: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] },
      NotProd: { 'Fn::Not': [{ Condition: 'IsProd' }] },
      Both: { 'Fn::And': [{ Condition: 'IsProd' }, { Condition: 'NotProd' }] },
      Either: { 'Fn::Or': [{ Condition: 'IsProd' }, { Condition: 'NotProd' }] },
    });
    expect(orders.DBInstanceClass).toEqual({ 'Fn::FindInMap': ['Sizes', { Ref: 'Env' }, 'Class'] });
    expect(orders.StorageEncrypted).toEqual({ Ref: 'Encrypt' });
    expect(orders.DBName).toEqual({ 'Fn::Sub': '${Env}orders' });
    expect(orders.DBSubnetGroupName).toEqual({
      'Fn::Sub': ['${Prefix}-subnets', { Prefix: { 'Fn::Select': [0, { 'Fn::Split': ['-', { Ref: 'AWS::StackName' }] }] } }],
    });
    expect(orders.AvailabilityZone).toEqual({ 'Fn::Select': [0, { 'Fn::GetAZs': '' }] });
    expect(orders.MasterUsername).toEqual({ 'Fn::ImportValue': 'shared-admin-name' });
    expect(orders.Port).toEqual({ 'Fn::If': ['IsProd', '5432', { Ref: 'AWS::NoValue' }] });
    expect(tag('cidr')).toEqual({ 'Fn::Join': [',', { 'Fn::Cidr': ['10.0.0.0/16', 2, 8] }] });
    expect(tag('user-data')).toEqual({ 'Fn::Base64': 'hello' });
    expect(tag('transformed')).toEqual({ 'Fn::Transform': { Name: 'AWS::Include', Parameters: { Location: 's3://bucket/snippet.yaml' } } });
    expect(tag('length')).toEqual({ 'Fn::Length': ['a', 'b'] });
    expect(tag('json')).toEqual({ 'Fn::ToJsonString': { a: 1 } });
  });

  test('!GetAtt splits a scalar at the first dot, and keeps the sequence form', () => {
    expect(orders.KmsKeyId).toEqual({ 'Fn::GetAtt': ['Key', 'Arn'] });
    expect(tag('arn')).toEqual({ 'Fn::GetAtt': ['Key', 'Arn'] });
    expect(tag('nested')).toEqual({ 'Fn::GetAtt': ['Orders', 'Endpoint.Address'] });
  });

  test('a scalar !If or !Join stays what the template says (CloudFormation rejects it, the checks do not crash)', () => {
    const parsed = parseTemplate('Resources:\n  A:\n    Type: X::Y::Z\n    Properties:\n      P: !Join x\n', 't.yaml');
    expect(parsed.template.Resources!.A.Properties!.P).toEqual({ 'Fn::Join': 'x' });
  });
});
