import { EnvironmentsInSeparateStacks } from '../../../../lib/checks/rules/3.5-secure-coding/environments-in-separate-stacks';
import { check, template } from '../../../helpers/check';
import { expectOneFailure, expectOneUnresolvable } from '../../../helpers/rule-expectations';
import { environmentStack, taggedBucket } from './environments.fixtures';

describe('DPP-3.5-EnvironmentsInSeparateStacks', () => {
  test('passes one environment per stack', () => {
    expect(check([environmentStack('Test', 'test'), environmentStack('Prod', 'prod')], [EnvironmentsInSeparateStacks])).toEqual([]);
  });

  test('fails a stack that holds test and prod resources, naming both', () => {
    const mixed = { id: 'Mixed', template: template({ A: taggedBucket('test'), B: taggedBucket('prod') } as never) };
    const finding = expectOneFailure(check([mixed], [EnvironmentsInSeparateStacks]), EnvironmentsInSeparateStacks, 'B', /stack mixes environments: B is tagged prod while A is tagged test/);
    expect(finding.templateId).toBe('Mixed');
  });

  test('warns when a resource\'s environment is an Fn::If', () => {
    const conditional = { id: 'C', template: template({ A: taggedBucket({ 'Fn::If': ['IsProd', 'prod', 'test'] }) } as never) };
    expectOneUnresolvable(check([conditional], [EnvironmentsInSeparateStacks]), 'Tags.dpp:environment');
  });
});
