import { knownAccount, stacksByKind, unknownEnvironmentVerdicts } from '../../lookups/stack-environments';
import type { AppVerdict } from '../../types';
import { appRule, fail } from '../../types';

export const EnvironmentsInSeparateAccounts = appRule({
  id: 'DPP-3.5-EnvironmentsInSeparateAccounts',
  clause: '3.5',
  level: 'error',
  // Tags and the stacks' accounts only.
  reads: {},
  description: 'Production stacks share no account with stacks of another environment (when the accounts are configured)',
  fix: 'Give prod its own AWS account in the environment configuration',
  explanation: 'DPP 3.5 Secure Coding Practices requires separate test and production environments; an account is the boundary IAM, quotas and incidents respect.',
  check: (indexes) => {
    // Per kind: two prod-kind environments (prod-eu, prod-us) may share an account as far as the
    // DPP goes; a prod-kind and a test-kind one never.
    const groups = stacksByKind(indexes);
    const verdicts: AppVerdict[] = unknownEnvironmentVerdicts(indexes);
    const others = [...groups].filter(([kind]) => kind !== 'prod');
    for (const prod of groups.get('prod') ?? []) {
      const account = knownAccount(prod.stack);
      if (account === undefined) continue;
      for (const [kind, stacks] of others) {
        const shared = stacks.filter((s) => knownAccount(s.stack) === account);
        if (shared.length === 0) continue;
        verdicts.push({
          stack: prod.stack,
          verdict: fail(`prod stack ${prod.stack.id} shares account ${account} with ${kind} stack(s) ${shared.map((s) => s.stack.id).join(', ')}`),
        });
      }
    }
    return verdicts;
  },
});
