import { acknowledgmentProblem, ACKNOWLEDGMENT_FINDING_ID, dppRuleIdOf, judgeAcknowledgment } from '../checks/acknowledgment';
import type { RuleSet } from '../checks/engine';
import type { CfnTemplate } from '../checks/template';
import type { TemplateIndex } from '../checks/template-index';
import type { Finding } from '../checks/types';

/** One acknowledgment as cdk-nag records it in template metadata: `Metadata.cdk_nag.rules_to_suppress[]`. */
export interface Acknowledgment {
  /** The rule ID without its pack prefix (`DPP::DPP-3.4-X` → `DPP-3.4-X`). */
  readonly ruleId: string;
  /** The reason, trimmed; undefined when missing or blank (such an entry acknowledges nothing). */
  readonly reason?: string;
}

/**
 * cdk-nag 3 writes `DPP::DPP-3.4-X`, hand-written entries and cdk-nag 2 write `DPP-3.4-X`: the
 * shared `dppRuleIdOf` reads both, as `DppChecks` does at synth. Other packs' IDs keep their
 * text after a leading pack prefix (`AwsSolutions-IAM5[Resource::*]` holds `::` inside brackets).
 */
function ruleIdOf(id: string): string {
  const dpp = dppRuleIdOf(id);
  if (dpp !== undefined) return dpp;
  const prefixed = /^([^[\]:]+)::(.+)$/s.exec(id);
  return prefixed ? prefixed[2] : id;
}

/** The acknowledgments in a resource's or a template's `Metadata`. Malformed entries are ignored. */
export function acknowledgmentsIn(metadata: unknown): Acknowledgment[] {
  const nag = (metadata as { cdk_nag?: { rules_to_suppress?: unknown } } | undefined)?.cdk_nag;
  const entries = nag?.rules_to_suppress;
  if (!Array.isArray(entries)) return [];
  const out: Acknowledgment[] = [];
  for (const entry of entries) {
    const id = (entry as { id?: unknown } | null)?.id;
    if (typeof id !== 'string') continue;
    const reason = (entry as { reason?: unknown }).reason;
    out.push({ ruleId: ruleIdOf(id), reason: typeof reason === 'string' && reason.trim() !== '' ? reason.trim() : undefined });
  }
  return out;
}

/** An acknowledgment found in a template: where it was made (a resource, or the stack for undefined). */
export interface PlacedAcknowledgment extends Acknowledgment {
  readonly logicalId: string | undefined;
}

/**
 * The acknowledgments of one template, read once: per resource, and at template level (which
 * acknowledge only findings about the whole stack, such as app rules'). Given the rules and the
 * template's index, they follow the semantics `DppChecks` applies at synth
 * (`lib/checks/acknowledgment.ts`): a reason is required, critical rules cannot be acknowledged,
 * and an acknowledgment that acknowledges nothing is itself a finding ({@link problems}).
 */
export class TemplateAcknowledgments {
  private readonly byResource = new Map<string, Acknowledgment[]>();
  private readonly stackLevel: Acknowledgment[];

  constructor(template: CfnTemplate, private readonly rules?: RuleSet, private readonly index?: TemplateIndex) {
    for (const [logicalId, resource] of Object.entries(template.Resources ?? {})) {
      const list = acknowledgmentsIn(resource?.Metadata);
      if (list.length > 0) this.byResource.set(logicalId, list);
    }
    this.stackLevel = acknowledgmentsIn(template.Metadata);
  }

  /** The acknowledgment of `ruleId` on `logicalId` (or on the stack), with or without a reason; one with a reason wins. */
  public find(ruleId: string, logicalId: string | undefined): Acknowledgment | undefined {
    const list = (logicalId === undefined ? this.stackLevel : (this.byResource.get(logicalId) ?? [])).filter((a) => a.ruleId === ruleId);
    return list.find((a) => a.reason !== undefined) ?? list[0];
  }

  /** The reason a finding of `ruleId` on `logicalId` (or on the stack) is acknowledged, or undefined (none, no reason, or a critical rule). */
  public reasonFor(ruleId: string, logicalId: string | undefined): string | undefined {
    const ack = this.find(ruleId, logicalId);
    const rule = this.rules?.rule(ruleId);
    if (!ack || !rule || !this.index) return ack?.reason;
    const outcome = judgeAcknowledgment(rule, this.index, logicalId, ack.reason);
    return outcome.status === 'honoured' ? outcome.reason : undefined;
  }

  /** Every acknowledgment naming one of `ruleIds`, where it was made. */
  public naming(ruleIds: ReadonlySet<string>): PlacedAcknowledgment[] {
    const out: PlacedAcknowledgment[] = [];
    for (const [logicalId, list] of this.byResource) for (const a of list) if (ruleIds.has(a.ruleId)) out.push({ ...a, logicalId });
    for (const a of this.stackLevel) if (ruleIds.has(a.ruleId)) out.push({ ...a, logicalId: undefined });
    return out;
  }

  /**
   * Acknowledgments of the rules that acknowledge nothing (an empty reason, or a critical rule):
   * each is an error finding `DPP-Acknowledgment` where it was made, as `DppChecks` reports it at synth.
   */
  public problems(): Finding[] {
    const { rules, index } = this;
    if (!rules || !index) return [];
    return this.naming(new Set(rules.rules.map((r) => r.id))).flatMap((ack): Finding[] => {
      const rule = rules.rule(ack.ruleId)!;
      const outcome = judgeAcknowledgment(rule, index, ack.logicalId, ack.reason);
      if (outcome.status === 'honoured') return [];
      return [{
        ruleId: ACKNOWLEDGMENT_FINDING_ID,
        clause: rule.clause,
        level: 'error',
        templateId: index.stack.id,
        stackName: index.stack.stackName,
        logicalId: ack.logicalId,
        resourceType: ack.logicalId ? index.typeOf(ack.logicalId) : undefined,
        property: 'Metadata.cdk_nag.rules_to_suppress',
        message: acknowledgmentProblem(rule.id, outcome, ack.logicalId ?? 'the stack'),
      }];
    });
  }
}
