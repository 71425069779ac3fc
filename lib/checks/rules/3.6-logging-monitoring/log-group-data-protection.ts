import { policyCoverage, type PolicyCoverage } from '../../lookups/log-data-protection';
import { stacksByEnvironment, unknownEnvironmentVerdicts } from '../../lookups/stack-environments';
import type { TemplateIndex } from '../../template-index';
import { appRule, fail, unresolvable, type AppVerdict, type Verdict } from '../../types';

const ACCOUNT_POLICY = 'AWS::Logs::AccountPolicy';

/** Account-level data-protection policies: each covers every log group of its account and region (Scope ALL, the only scope). */
function accountPolicies(stacks: readonly TemplateIndex[]): { id: string; index: TemplateIndex; coverage: PolicyCoverage; conditional: boolean }[] {
  return stacks.flatMap((index) => index.ofType(ACCOUNT_POLICY)
    .filter((id) => index.resource(id)?.Properties?.PolicyType === 'DATA_PROTECTION_POLICY')
    .map((id) => ({ id, index, coverage: policyCoverage(index, index.resource(id)?.Properties?.PolicyDocument), conditional: index.resource(id)?.Condition !== undefined })));
}

export const LogGroupDataProtection = appRule({
  id: 'DPP-3.6-LogGroupDataProtection',
  clause: '3.6',
  level: 'warning',
  reads: { [ACCOUNT_POLICY]: ['PolicyType', 'PolicyDocument'], 'AWS::Logs::LogGroup': ['DataProtectionPolicy'] },
  description: 'Every log group of a baseline environment is under a CloudWatch Logs data-protection policy (its own, or the account\'s) that audits and masks names, addresses, e-mail, phone and card numbers',
  fix: 'Add the baseline\'s LogDataProtection (an account-level data-protection policy) to the environment, or give the log group a DataProtectionPolicy with Audit (with a findings destination) and Deidentify statements for Name, Address, EmailAddress, PhoneNumber-<country> and CreditCardNumber',
  explanation: 'DPP 3.6 Logging and Monitoring requires that logs do not contain PII. A data-protection policy masks the PII identifiers CloudWatch Logs finds and reports each finding, so a log line that leaks PII is both hidden and seen.',
  check: (indexes) => {
    const verdicts: AppVerdict[] = unknownEnvironmentVerdicts(indexes);
    for (const [, stacks] of stacksByEnvironment(indexes)) {
      const all = accountPolicies(stacks);
      for (const index of stacks) {
        // An account-level policy covers the log groups of its own region only.
        const policies = all.filter((p) => p.index.stack.region === index.stack.region);
        if (policies.some((p) => p.coverage.known && p.coverage.missing.length === 0 && !p.conditional)) continue;
        for (const id of index.ofType('AWS::Logs::LogGroup')) {
          const verdict = logGroupVerdict(index, id, policies);
          if (verdict) verdicts.push({ stack: index.stack, logicalId: id, verdict });
        }
      }
    }
    return verdicts;
  },
});

function logGroupVerdict(index: TemplateIndex, id: string, policies: ReturnType<typeof accountPolicies>): Verdict | undefined {
  const own = index.resource(id)?.Properties?.DataProtectionPolicy;
  if (own !== undefined) {
    const coverage = policyCoverage(index, own);
    if (!coverage.known) return unresolvable('DataProtectionPolicy', coverage.why);
    if (coverage.missing.length === 0) return undefined;
  }
  const unknownAccount = policies.find((p) => !p.coverage.known || p.conditional);
  if (unknownAccount) {
    return unresolvable(unknownAccount.conditional ? 'Condition' : 'AccountPolicy.PolicyDocument',
      unknownAccount.conditional ? `the account data-protection policy ${unknownAccount.id} exists only under a condition` : (unknownAccount.coverage as { why: string }).why);
  }
  const partial = [own !== undefined ? policyCoverage(index, own) : undefined, ...policies.map((p) => p.coverage)]
    .find((c): c is { known: true; missing: readonly string[] } => c?.known === true);
  return fail(`log group ${id} is under no data-protection policy that audits and masks PII` + (partial ? ` (missing: ${partial.missing.join(', ')})` : ''));
}
