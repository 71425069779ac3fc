import { EnvironmentsInSeparateAccounts } from '../../../../lib/checks/rules/3.5-secure-coding/environments-in-separate-accounts';
import { check } from '../../../helpers/check';
import { expectOneFailure, expectOneUnresolvable } from '../../../helpers/rule-expectations';
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

  describe('per kind (dpp:environment-kind), for environments of any name', () => {
    const dev = environmentStack('Dev', 'dev', { account: '333333333333', kind: 'test' });
    test('passes two prod-kind environments in one account, apart from the test-kind ones', () => {
      const prods = [environmentStack('ProdEu', 'prod-eu', { account: '555555555555', kind: 'prod' }), environmentStack('ProdUs', 'prod-us', { account: '555555555555', kind: 'prod' })];
      expect(check([dev, ...prods], [EnvironmentsInSeparateAccounts])).toEqual([]);
    });

    test('fails a prod-kind environment in a test-kind one\'s account', () => {
      const findings = check([dev, environmentStack('ProdEu', 'prod-eu', { account: '333333333333', kind: 'prod' })], [EnvironmentsInSeparateAccounts]);
      expectOneFailure(findings, EnvironmentsInSeparateAccounts, undefined, /prod stack ProdEu shares account 333333333333 with test stack\(s\) Dev/);
    });

    test('warns when a stack\'s kind is a parameter, rather than guess it from the name', () => {
      const unknown = environmentStack('ProdEu', 'prod-eu', { account: '333333333333', kind: { Ref: 'Kind' } });
      const withParameter = { ...unknown, template: { ...unknown.template, Parameters: { Kind: { Type: 'String' } } } };
      expectOneUnresolvable(check([dev, withParameter], [EnvironmentsInSeparateAccounts]), 'Tags.dpp:environment-kind');
    });
  });
});
