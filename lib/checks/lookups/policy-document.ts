import type { TemplateIndex } from '../template-index';
import { asArray, isIntrinsic } from '../values';

/**
 * A policy statement normalised for rules: every field that can be a string or a list is a list,
 * and anything the template cannot decide is flagged rather than guessed. Shared by the rules that
 * read IAM policies, resource policies and key policies (DPP 2.3, 2.5, 3.4).
 */
export interface Statement {
  /** Position in the document, for messages: `Statement[2]` or the Sid. */
  readonly label: string;
  readonly effect: 'Allow' | 'Deny' | 'unresolvable';
  /** Literal actions (lower-cased), from Action. */
  readonly actions: readonly string[];
  /** True when the statement uses NotAction (an allow with NotAction grants nearly everything). */
  readonly notAction: boolean;
  /** Literal resources; `*` stays `*`. Intrinsic resources (ARNs built from references) are `{intrinsic}`. */
  readonly resources: readonly string[];
  readonly notResource: boolean;
  /** Principals as strings: `*`, account IDs / ARNs, service names; intrinsic ones as `{intrinsic}`. */
  readonly principals: readonly string[];
  /** The raw Principal (for rules that need the shape). */
  readonly principalRaw: unknown;
  readonly notPrincipal: boolean;
  /** The raw Condition block, or undefined. */
  readonly condition: Record<string, unknown> | undefined;
  /** The Condition block as IAM evaluates it: one test per operator and key, names case-folded (see {@link ConditionTest}). */
  readonly conditions: readonly ConditionTest[];
  /** True when some deciding part (Effect, Action, the statement itself) is an intrinsic. */
  readonly unresolvable: boolean;
  /** The statement as written, for rules that must tell a resolvable intrinsic (an ARN built from a reference) from an unknown one. */
  readonly raw: Readonly<Record<string, unknown>>;
}

export const INTRINSIC = '{intrinsic}';

/**
 * One condition test, read as IAM reads it. Context key names are not case-sensitive (IAM JSON
 * policy reference, "IAM JSON policy elements: Condition",
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html);
 * CONTROLS.md 2.5 treats operator names the same way, so a rule never misses a test written in
 * another case. Both are lower-cased here, and every rule compares the lower-cased forms.
 */
export interface ConditionTest {
  /** The operator as written (`BoolIfExists`, `ForAnyValue:StringLike`), for messages. */
  readonly operator: string;
  /** The operator lower-cased without its set qualifier and `IfExists` suffix: `bool`, `stringlike`, `null`. */
  readonly base: string;
  /** `...IfExists`: the test is also met when the key is absent from the request. */
  readonly ifExists: boolean;
  /** `ForAllValues:` or `ForAnyValue:` (lower-cased), for multivalued keys. */
  readonly qualifier?: 'forallvalues' | 'foranyvalue';
  /** The condition key, lower-cased: `aws:securetransport`. */
  readonly key: string;
  /** The values as written (a literal list; an intrinsic stays one entry). */
  readonly values: readonly unknown[];
  /** The operator block or the value is an intrinsic. */
  readonly intrinsic: boolean;
}

/** The tests of a Condition block; an operator block that is an intrinsic gives one test with key `{intrinsic}`. */
export function conditionTests(condition: unknown): ConditionTest[] {
  if (!condition || typeof condition !== 'object' || isIntrinsic(condition)) return [];
  const tests: ConditionTest[] = [];
  for (const [operator, block] of Object.entries(condition as Record<string, unknown>)) {
    const match = /^(?:(forallvalues|foranyvalue):)?(.*?)(ifexists)?$/i.exec(operator)!;
    const head = { operator, base: match[2].toLowerCase(), ifExists: match[3] !== undefined, qualifier: match[1]?.toLowerCase() as ConditionTest['qualifier'] };
    if (isIntrinsic(block)) {
      tests.push({ ...head, key: INTRINSIC, values: [block], intrinsic: true });
      continue;
    }
    if (!block || typeof block !== 'object') continue;
    for (const [key, value] of Object.entries(block as Record<string, unknown>)) {
      tests.push({ ...head, key: key.toLowerCase(), values: isIntrinsic(value) ? [value] : asArray(value), intrinsic: isIntrinsic(value) });
    }
  }
  return tests;
}

/** True for a condition value that is boolean false as IAM reads it (`false`, `"false"`, `"FALSE"`). */
export function isFalse(value: unknown): boolean {
  return value === false || (typeof value === 'string' && value.toLowerCase() === 'false');
}

/**
 * True when a test is met by a request whose `key` is `false`, and only by such requests or ones
 * without the key: `Bool`/`BoolIfExists` `key: false`.
 */
export function testsFalse(test: ConditionTest, key: string): boolean {
  return test.base === 'bool' && !test.qualifier && test.key === key && test.values.length > 0 && test.values.every(isFalse);
}

function strings(value: unknown): { values: string[]; unresolvable: boolean } {
  let unresolvable = false;
  const values: string[] = [];
  for (const item of asArray(value)) {
    if (typeof item === 'string') values.push(item);
    else if (isIntrinsic(item)) {
      values.push(INTRINSIC);
      unresolvable = true;
    }
  }
  return { values, unresolvable };
}

function principalStrings(principal: unknown): { values: string[]; unresolvable: boolean } {
  if (principal === undefined) return { values: [], unresolvable: false };
  if (typeof principal === 'string') return { values: [principal], unresolvable: false };
  if (isIntrinsic(principal)) return { values: [INTRINSIC], unresolvable: true };
  if (principal && typeof principal === 'object') {
    const out: string[] = [];
    let unresolvable = false;
    for (const v of Object.values(principal as Record<string, unknown>)) {
      const s = strings(v);
      out.push(...s.values);
      unresolvable ||= s.unresolvable;
    }
    return { values: out, unresolvable };
  }
  return { values: [], unresolvable: false };
}

/**
 * The statements of a raw policy document (a property value, e.g. `ctx.properties.PolicyDocument`). A document or statement list that
 * is itself an intrinsic yields `{ unresolvable: true }` with no statements.
 */
export function statementsOf(raw: unknown): { statements: Statement[]; unresolvable: boolean } {
  // IAM `Json` properties (and policies read from a live account) accept the document as a JSON string.
  if (typeof raw === 'string') {
    try {
      return statementsOf(JSON.parse(raw) as unknown);
    } catch {
      return { statements: [], unresolvable: false };
    }
  }
  if (isIntrinsic(raw)) return { statements: [], unresolvable: true };
  if (!raw || typeof raw !== 'object') return { statements: [], unresolvable: false };
  const list = (raw as { Statement?: unknown }).Statement;
  if (isIntrinsic(list)) return { statements: [], unresolvable: true };
  let unresolvableDoc = false;
  const statements: Statement[] = [];
  asArray(list).forEach((s, i) => {
    if (isIntrinsic(s)) {
      unresolvableDoc = true;
      return;
    }
    if (!s || typeof s !== 'object') return;
    const st = s as Record<string, unknown>;
    const effectRaw = st.Effect;
    const effect = effectRaw === 'Allow' || effectRaw === 'Deny' ? effectRaw : 'unresolvable';
    const action = strings(st.Action ?? st.NotAction);
    const resource = strings(st.Resource ?? st.NotResource);
    const principal = principalStrings(st.Principal ?? st.NotPrincipal);
    const condition = st.Condition && typeof st.Condition === 'object' && !isIntrinsic(st.Condition) ? (st.Condition as Record<string, unknown>) : undefined;
    statements.push({
      label: typeof st.Sid === 'string' && st.Sid ? st.Sid : `Statement[${i}]`,
      effect,
      actions: action.values.map((a) => a.toLowerCase()),
      notAction: st.NotAction !== undefined,
      resources: resource.values,
      notResource: st.NotResource !== undefined,
      principals: principal.values,
      principalRaw: st.Principal ?? st.NotPrincipal,
      notPrincipal: st.NotPrincipal !== undefined,
      condition,
      conditions: conditionTests(condition),
      unresolvable: effect === 'unresolvable' || action.unresolvable || isIntrinsic(st.Condition),
      raw: st,
    });
  });
  return { statements, unresolvable: unresolvableDoc };
}

/**
 * True when an action pattern covers `service:action` the way IAM wildcards do (`*`, `s3:*`,
 * `s3:Get*`, `?`), case-insensitively. A linear two-pointer glob match, not a RegExp: patterns
 * come from templates and may be arbitrarily long.
 */
export function actionMatches(pattern: string, action: string): boolean {
  const p = pattern.toLowerCase();
  const a = action.toLowerCase();
  let i = 0;
  let j = 0;
  let star = -1;
  let resume = 0;
  while (j < a.length) {
    if (i < p.length && (p[i] === '?' || p[i] === a[j])) {
      i++;
      j++;
    } else if (i < p.length && p[i] === '*') {
      star = i++;
      resume = j;
    } else if (star >= 0) {
      i = star + 1;
      j = ++resume;
    } else {
      return false;
    }
  }
  while (i < p.length && p[i] === '*') i++;
  return i === p.length;
}

export const SECURE_TRANSPORT_KEY = 'aws:securetransport';

/**
 * True when a statement is a `Deny` of insecure transport: `Bool` (or `BoolIfExists`, which also
 * denies a request without the key) `aws:SecureTransport: false`, in any letter case (DPP 2.5
 * Encryption in Transit).
 */
export function isDenyInsecureTransport(statement: Statement): boolean {
  return statement.effect === 'Deny' && statement.conditions.some((t) => testsFalse(t, SECURE_TRANSPORT_KEY));
}

/** The policy documents attached to a resource through the index: e.g. the bucket policies of a bucket. */
export function policyDocumentsOf(index: TemplateIndex, targetLogicalId: string, policyType: string, targetProperty: string, documentProperty: string): unknown[] {
  return index
    .referrersOf(targetLogicalId, policyType)
    .filter((r) => r.path === `Properties.${targetProperty}` || r.path.startsWith(`Properties.${targetProperty}.`))
    .map((r) => index.resource(r.from)?.Properties?.[documentProperty]);
}
