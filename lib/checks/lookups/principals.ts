import type { TemplateIndex } from '../template-index';
import { asArray, isIntrinsic } from '../values';
import { textOf, wildcardStatus } from './intrinsic-text';
import { isOpenCidr } from './network';
import type { Statement } from './policy-document';

/**
 * Who a policy statement names, for the DPP 2.3 Least Privilege Access rules: everyone (`*`),
 * and the template's own account root (the standard KMS key-policy delegation).
 */

export type Answer = { readonly answer: 'yes' | 'no' } | { readonly answer: 'unknown'; readonly why: string };

const YES: Answer = { answer: 'yes' };
const NO: Answer = { answer: 'no' };

function fromWildcard(index: TemplateIndex, raw: unknown): Answer {
  const status = wildcardStatus(index, raw);
  return status.status === 'unknown' ? { answer: 'unknown', why: `a principal given by ${status.why}` } : status.status === 'yes' ? YES : NO;
}

/** Whether a statement's principal is everyone: `"*"`, `{"AWS": "*"}` (any key), or an Allow with NotPrincipal. */
export function principalIsEveryone(index: TemplateIndex, statement: Statement): Answer {
  if (statement.notPrincipal) return YES;
  const raw = statement.principalRaw;
  if (raw === undefined || raw === null) return NO;
  if (typeof raw === 'string' || isIntrinsic(raw)) return fromWildcard(index, raw);
  if (typeof raw !== 'object') return NO;
  let doubt: Answer | undefined;
  for (const value of Object.values(raw as Record<string, unknown>)) {
    const answer = fromWildcard(index, isIntrinsic(value) ? value : asArray(value));
    if (answer.answer === 'yes') return YES;
    if (answer.answer === 'unknown') doubt ??= answer;
  }
  return doubt ?? NO;
}

/**
 * Condition keys that limit a statement to known callers or networks. `aws:SecureTransport`,
 * `sts:ExternalId` and the like do not: anyone can meet them.
 */
const RESTRICTING_KEYS: ReadonlySet<string> = new Set([
  'aws:sourceaccount', 'aws:sourcearn', 'aws:sourceowner', 'aws:sourceorgid', 'aws:sourceorgpaths',
  'aws:principalaccount', 'aws:principalarn', 'aws:principalorgid', 'aws:principalorgpaths',
  'aws:sourcevpc', 'aws:sourcevpce', 'aws:sourceip', 'aws:userid', 'kms:calleraccount',
]);

/** Operators that restrict when their key matches. Negated operators, `...IfExists` and `ForAllValues:` can be met by a request without the key. */
const RESTRICTING_OPERATOR = /^(ForAnyValue:)?(StringEquals|StringEqualsIgnoreCase|StringLike|ArnEquals|ArnLike|IpAddress)$/i;

/** Whether one condition value narrows anything: not a bare wildcard, not an open CIDR. */
function valueRestricts(index: TemplateIndex, operator: string, value: unknown): Answer {
  if (typeof value === 'string') return /^[*?]*$/.test(value) || (/IpAddress$/i.test(operator) && isOpenCidr(value)) ? NO : YES;
  if (!isIntrinsic(value)) return YES;
  // Only wildcard-matching operators turn a parameter holding "*" into "anyone".
  if (!/Like$|^(ForAnyValue:)?Arn/i.test(operator)) return YES;
  const status = wildcardStatus(index, value);
  return status.status === 'unknown' ? { answer: 'unknown', why: `condition ${operator} given by ${status.why}` } : status.status === 'yes' ? NO : YES;
}

/** Whether a statement's Condition limits it to known accounts, organisations, sources or networks. */
export function conditionRestricts(index: TemplateIndex, statement: Statement): Answer {
  if (isIntrinsic(statement.raw.Condition)) return { answer: 'unknown', why: 'the Condition is an intrinsic' };
  let doubt: Answer | undefined;
  for (const [operator, block] of Object.entries(statement.condition ?? {})) {
    if (!RESTRICTING_OPERATOR.test(operator)) continue;
    if (isIntrinsic(block)) {
      doubt ??= { answer: 'unknown', why: `the ${operator} condition is an intrinsic` };
      continue;
    }
    if (!block || typeof block !== 'object') continue;
    for (const [key, value] of Object.entries(block as Record<string, unknown>)) {
      if (!RESTRICTING_KEYS.has(key.toLowerCase())) continue;
      const values = isIntrinsic(value) ? [value] : asArray(value);
      const answers = values.map((v) => valueRestricts(index, operator, v));
      if (answers.length > 0 && answers.every((a) => a.answer === 'yes')) return YES;
      doubt ??= answers.find((a) => a.answer === 'unknown');
    }
  }
  return doubt ?? NO;
}

const ROOT_ARN = /^arn:(\$\{AWS::Partition\}|aws[a-z-]*):iam::(\$\{AWS::AccountId\}|\d{12}):root$/;

/** Whether one principal value is the template's own account root (`arn:…:iam::${AWS::AccountId}:root`, or the account ID). */
function isOwnRoot(index: TemplateIndex, raw: unknown): Answer {
  const text = textOf(index, raw);
  if (!text.known) return { answer: 'unknown', why: `a principal given by ${text.why}` };
  const account = text.text === '${AWS::AccountId}' || /^\d{12}$/.test(text.text) ? text.text : ROOT_ARN.exec(text.text)?.[2];
  if (account === undefined) return NO;
  if (account === '${AWS::AccountId}') return YES;
  const own = index.stack.account;
  if (own === undefined || own.startsWith('${') || own === 'unknown-account') return { answer: 'unknown', why: `principal account ${account} cannot be compared with the stack's account, which is not known` };
  return account === own ? YES : NO;
}

/** Whether every principal of a statement is the template's own account root. */
export function principalIsOwnAccountRoot(index: TemplateIndex, statement: Statement): Answer {
  const raw = statement.principalRaw;
  if (statement.notPrincipal || !raw || typeof raw !== 'object' || isIntrinsic(raw)) return NO;
  const entries = Object.entries(raw as Record<string, unknown>);
  if (entries.length !== 1 || entries[0][0] !== 'AWS') return NO;
  const values = isIntrinsic(entries[0][1]) ? [entries[0][1]] : asArray(entries[0][1]);
  const answers = values.map((v) => isOwnRoot(index, v));
  if (answers.length > 0 && answers.every((a) => a.answer === 'yes')) return YES;
  return answers.find((a) => a.answer === 'no') ?? answers.find((a) => a.answer === 'unknown') ?? NO;
}
