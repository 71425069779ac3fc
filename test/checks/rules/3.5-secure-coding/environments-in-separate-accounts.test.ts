import { EnvironmentsInSeparateAccounts } from '../../../../lib/checks/rules/3.5-secure-coding/environments-in-separate-accounts';
import { check } from '../../../helpers/check';
import { expectOneFailure } from '../../../helpers/rule-expectations';
import { environmentStack } from './environments.fixtures';

describe('DPP-3.5-EnvironmentsInSeparateAccounts', () => {
  test('passes test and prod in their own accounts', () => {
    expect(check([environmentStack('Test', 'test', { account: '111111111111' }), environmentStack('Prod', 'prod', { account: '222222222222' })], [EnvironmentsInSeparateAccounts])).toEqual([]);
  });

  test('fails prod sharing the test account, on the prod stack', () => {
    const findings = check([environmentStack('Test', 'test', { account: '111111111111' }), environmentStack('Prod', 'prod', { account: '111111111111' })], [EnvironmentsInSeparateAccounts]);
    const finding = expectOneFailure(findings, EnvironmentsInSeparateAccounts, undefined, /prod stack Prod shares account 111111111111 with test stack\(s\) Test/);
    expect(finding.templateId).toBe('Prod');
  });

  test('asserts nothing when accounts are not configured (environment-agnostic or unknown-account)', () => {
    expect(check([environmentStack('Test', 'test'), environmentStack('Prod', 'prod', { account: 'unknown-account' })], [EnvironmentsInSeparateAccounts])).toEqual([]);
  });
});
