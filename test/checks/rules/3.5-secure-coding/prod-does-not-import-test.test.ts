import { ProdDoesNotImportTest } from '../../../../lib/checks/rules/3.5-secure-coding/prod-does-not-import-test';
import { check } from '../../../helpers/check';
import { expectOneFailure, expectOneUnresolvable } from '../../../helpers/rule-expectations';
import { environmentStack } from './environments.fixtures';

const testStack = environmentStack('TestNet', 'test', {
  outputs: {
    Vpc: { Value: 'vpc-1', Export: { Name: 'TestNet:ExportsOutputRefVpc' } },
    Subnet: { Value: 'subnet-1', Export: { Name: { 'Fn::Sub': '${AWS::StackName}-Subnet' } } },
  },
});
const importer = (name: unknown) => environmentStack('ProdApp', 'prod', {
  resources: { Fn: { Type: 'AWS::Lambda::Function', Properties: { VpcConfig: { SubnetIds: [{ 'Fn::ImportValue': name }] } } } },
});

describe('DPP-3.5-ProdDoesNotImportTest', () => {
  test('passes a prod stack importing exports of no test stack', () => {
    expect(check([testStack, importer('SharedDns-ZoneId')], [ProdDoesNotImportTest])).toEqual([]);
  });

  test.each([
    ['a literal export name (the CDK cross-stack shape)', 'TestNet:ExportsOutputRefVpc'],
    ['an export named with ${AWS::StackName}', 'TestNet-Subnet'],
  ])('fails a prod stack importing %s of a test stack', (_, name) => {
    const finding = expectOneFailure(check([testStack, importer(name)], [ProdDoesNotImportTest]), ProdDoesNotImportTest, 'Fn', new RegExp(`Fn imports ${name}, an export of non-prod stack TestNet`));
    expect(finding.templateId).toBe('ProdApp');
  });

  test('warns when the imported name is a parameter', () => {
    const prod = importer({ 'Fn::Sub': '${NetworkStack}-Subnet' });
    const withParameter = { ...prod, template: { ...prod.template, Parameters: { NetworkStack: { Type: 'String' } } } };
    expectOneUnresolvable(check([testStack, withParameter], [ProdDoesNotImportTest]), 'Fn Fn::ImportValue');
  });

  test('fails a prod-kind environment importing an export of a test-kind one, whatever their names', () => {
    const staging = environmentStack('StagingNet', 'staging', { kind: 'test', outputs: { Vpc: { Value: 'vpc-1', Export: { Name: 'StagingNet:Vpc' } } } });
    const prodEu = environmentStack('ProdEuApp', 'prod-eu', { kind: 'prod', resources: { Fn: { Type: 'AWS::Lambda::Function', Properties: { VpcConfig: { SubnetIds: [{ 'Fn::ImportValue': 'StagingNet:Vpc' }] } } } } });
    expectOneFailure(check([staging, prodEu], [ProdDoesNotImportTest]), ProdDoesNotImportTest, 'Fn', /an export of non-prod stack StagingNet/);
  });
});
