import { environmentKindOf, stackKind } from './lookups/stack-environments';
import type { TemplateIndex } from './template-index';
import type { Criticality, Rule } from './types';
import { piiStatus } from './vocabulary';

/**
 * What an acknowledgment means, one semantics for both paths: `DppChecks` at synth (construct
 * metadata written by `Validations.of(x).acknowledge`) and `dpp check` (template metadata
 * `Metadata.cdk_nag.rules_to_suppress`). CONTROLS.md "Acknowledgments and critical rules".
 */

/**
 * The DPP rule an acknowledgment ID names, or undefined for another pack's ID. Accepted forms:
 * `DPP::DPP-3.4-X` (what the README asks for) and the bare `DPP-3.4-X` (which the CDK stores as
 * `Annotation::DPP-3.4-X`, and cdk-nag writes into the template without that prefix).
 */
export function dppRuleIdOf(id: string): string | undefined {
  const match = /^(?:DPP::|annotation::)?(DPP-[^\s:]+)$/i.exec(id.trim());
  return match && /^DPP-/.test(match[1]) ? match[1] : undefined;
}

export type AcknowledgmentOutcome =
  | { readonly status: 'honoured'; readonly reason: string }
  | { readonly status: 'no-reason' }
  | { readonly status: 'critical'; readonly criticality: Criticality };

/** Whether a rule is critical on a resource (or on the stack, for `logicalId` undefined). */
export function isCriticalAt(rule: Rule, index: TemplateIndex, logicalId: string | undefined): boolean {
  if (rule.critical === undefined) return false;
  if (rule.critical === 'always') return true;
  const kind = logicalId === undefined ? stackKind(index) : valueText(environmentKindOf(index, logicalId));
  if (kind !== 'prod') return false;
  return rule.critical === 'prod' || (logicalId !== undefined && piiStatus(index, logicalId) !== 'no');
}

function valueText(value: ReturnType<typeof environmentKindOf>): string | undefined {
  return value.kind === 'known' ? String(value.value) : undefined;
}

/** What an acknowledgment of `rule` on a resource does: honoured only with a reason, and never for a critical finding. */
export function judgeAcknowledgment(rule: Rule, index: TemplateIndex, logicalId: string | undefined, reason: unknown): AcknowledgmentOutcome {
  if (rule.critical !== undefined && isCriticalAt(rule, index, logicalId)) return { status: 'critical', criticality: rule.critical };
  if (typeof reason !== 'string' || reason.trim() === '') return { status: 'no-reason' };
  return { status: 'honoured', reason: reason.trim() };
}

/** The ID of the finding an acknowledgment that acknowledges nothing gives (an error, on both paths). */
export const ACKNOWLEDGMENT_FINDING_ID = 'DPP-Acknowledgment';

const CRITICAL_WHERE: Readonly<Record<Criticality, string>> = {
  always: 'anywhere',
  prod: 'in the prod environment',
  'prod-pii': 'on a PII store in the prod environment',
};

/** The one-line message of an acknowledgment that acknowledges nothing, naming where it was made. */
export function acknowledgmentProblem(ruleId: string, outcome: Exclude<AcknowledgmentOutcome, { status: 'honoured' }>, where: string): string {
  if (outcome.status === 'no-reason') {
    return `the acknowledgment of ${ruleId} on ${where} has an empty reason, so it acknowledges nothing. Fix: give the reason (why it is acceptable here and what mitigates it), or fix the finding`;
  }
  return `the acknowledgment of ${ruleId} on ${where} is ignored: ${ruleId} is a critical rule and cannot be acknowledged ${CRITICAL_WHERE[outcome.criticality]}. Fix: remove the acknowledgment and fix the finding`;
}
