import type { TemplateIndex } from '../template-index';
import { asArray, isIntrinsic } from '../values';
import { statementsOfDocument } from './iam-documents';
import { policiesOfGroup } from './iam-identity';
import { textOf } from './intrinsic-text';
import { testsFalse, type Statement } from './policy-document';

/**
 * Whether an IAM group enforces MFA (DPP 2.4 Credential Management; DPP 2.2 Access Management
 * relies on it for console users). The recognised shape is AWS's documented one: a `Deny` of
 * everything (`Action: "*"` or a `NotAction` list of the MFA self-service actions) on
 * `Resource: "*"` when `aws:MultiFactorAuthPresent` is false, under `Bool` or `BoolIfExists`.
 * A deny of a few actions only would leave the rest usable without MFA, so it does not count.
 */

export type MfaDecision = { readonly answer: 'yes' | 'no' } | { readonly answer: 'unknown'; readonly why: string };

const MFA_KEY = 'aws:multifactorauthpresent';

/**
 * The deny depends on MFA and on nothing else: every test is `Bool`/`BoolIfExists`
 * `aws:MultiFactorAuthPresent: false` (any letter case). A further test (a region, a tag) would
 * let requests without MFA through whenever it does not match.
 */
function deniesWithoutMfa(statement: Statement): boolean {
  return statement.conditions.length > 0 && statement.conditions.every((test) => testsFalse(test, MFA_KEY));
}

/**
 * True for a statement that denies (nearly) everything to a session without MFA. `NotAction: "*"`
 * or `NotResource: "*"` scope a deny to nothing.
 */
export function isMfaEnforcingStatement(statement: Statement): boolean {
  if (statement.effect !== 'Deny' || statement.notPrincipal) return false;
  const everything = statement.notAction ? !statement.actions.includes('*') : statement.actions.includes('*');
  const everywhere = statement.notResource ? !statement.resources.includes('*') : statement.resources.includes('*');
  return everything && everywhere && deniesWithoutMfa(statement);
}

function documentDecision(raw: unknown, where: string): MfaDecision {
  const { statements, unresolvable } = statementsOfDocument(raw);
  if (statements.some(isMfaEnforcingStatement)) return { answer: 'yes' };
  if (unresolvable || isIntrinsic(raw)) return { answer: 'unknown', why: `the policy document of ${where} is an intrinsic` };
  return { answer: 'no' };
}

/** The documents a group gets from its ManagedPolicyArns: managed policies of the template are read, AWS managed ones never enforce MFA. */
function managedPolicyDecisions(index: TemplateIndex, groupId: string): MfaDecision[] {
  const arns = index.resource(groupId)?.Properties?.ManagedPolicyArns;
  if (isIntrinsic(arns)) return [{ answer: 'unknown', why: 'ManagedPolicyArns is an intrinsic' }];
  // A managed policy of the template named by Ref, or by an ARN built from its ManagedPolicyName (the index resolves both).
  const named = new Map(index.referencesFrom(groupId).filter((r) => index.typeOf(r.to) === 'AWS::IAM::ManagedPolicy').map((r) => [r.path, r.to]));
  return asArray(arns).map((raw, i): MfaDecision => {
    const policy = named.get(`Properties.ManagedPolicyArns.${i}`);
    if (policy !== undefined) return documentDecision(index.resource(policy)?.Properties?.PolicyDocument, policy);
    const text = textOf(index, raw);
    if (!text.known) return { answer: 'unknown', why: `a managed policy ARN given by ${text.why}` };
    if (text.text.includes(':iam::aws:policy/')) return { answer: 'no' };
    return { answer: 'unknown', why: `managed policy ${text.text} is not declared in this template` };
  });
}

/** Whether a group of the template attaches an MFA-enforcing policy (inline, managed, or a policy resource naming it). */
export function groupEnforcesMfa(index: TemplateIndex, groupId: string): MfaDecision {
  const props = index.resource(groupId)?.Properties ?? {};
  const decisions: MfaDecision[] = [];
  if (isIntrinsic(props.Policies)) decisions.push({ answer: 'unknown', why: 'Policies is an intrinsic' });
  else asArray(props.Policies).forEach((p, i) => decisions.push(isIntrinsic(p) ? { answer: 'unknown', why: `Policies.${i} is an intrinsic` } : documentDecision((p as { PolicyDocument?: unknown } | null)?.PolicyDocument, `Policies.${i}`)));
  decisions.push(...managedPolicyDecisions(index, groupId));
  for (const id of policiesOfGroup(index, groupId)) decisions.push(documentDecision(index.resource(id)?.Properties?.PolicyDocument, id));
  if (decisions.some((d) => d.answer === 'yes')) return { answer: 'yes' };
  return decisions.find((d) => d.answer === 'unknown') ?? { answer: 'no' };
}
