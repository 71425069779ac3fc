import type { CfnTemplate } from '../checks/template';

/** One acknowledgment as cdk-nag records it in template metadata: `Metadata.cdk_nag.rules_to_suppress[]`. */
export interface Acknowledgment {
  /** The rule ID without its pack prefix (`DPP::DPP-3.4-X` → `DPP-3.4-X`). */
  readonly ruleId: string;
  /** The reason, trimmed; undefined when missing or blank (such an entry acknowledges nothing). */
  readonly reason?: string;
}

/**
 * cdk-nag 3 writes `DPP::DPP-3.4-X`, hand-written entries and cdk-nag 2 write `DPP-3.4-X`. Only a
 * leading pack prefix is removed: finding IDs of other packs may hold `::` inside brackets
 * (`AwsSolutions-IAM5[Resource::*]`).
 */
function ruleIdOf(id: string): string {
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

/**
 * The acknowledgments of one template, read once: per resource, and at template level (which
 * acknowledge only findings about the whole stack, such as app rules').
 */
export class TemplateAcknowledgments {
  private readonly byResource = new Map<string, Acknowledgment[]>();
  private readonly stackLevel: Acknowledgment[];

  constructor(template: CfnTemplate) {
    for (const [logicalId, resource] of Object.entries(template.Resources ?? {})) {
      const list = acknowledgmentsIn(resource?.Metadata);
      if (list.length > 0) this.byResource.set(logicalId, list);
    }
    this.stackLevel = acknowledgmentsIn(template.Metadata);
  }

  /** The reason a finding of `ruleId` on `logicalId` (or on the stack) is acknowledged, or undefined. */
  public reasonFor(ruleId: string, logicalId: string | undefined): string | undefined {
    const list = logicalId === undefined ? this.stackLevel : (this.byResource.get(logicalId) ?? []);
    return list.find((a) => a.ruleId === ruleId && a.reason !== undefined)?.reason;
  }

  /** Entries naming one of `ruleIds` without a reason, as `[logicalId or undefined, ruleId]`: they acknowledge nothing, and the user should know. */
  public reasonless(ruleIds: ReadonlySet<string>): Array<[string | undefined, string]> {
    const out: Array<[string | undefined, string]> = [];
    for (const [logicalId, list] of this.byResource) {
      for (const a of list) if (a.reason === undefined && ruleIds.has(a.ruleId)) out.push([logicalId, a.ruleId]);
    }
    for (const a of this.stackLevel) if (a.reason === undefined && ruleIds.has(a.ruleId)) out.push([undefined, a.ruleId]);
    return out;
  }
}
