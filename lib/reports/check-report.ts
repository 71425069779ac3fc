import { checkStacks, type RuleSet } from '../checks/engine';
import { dppRuleSet } from '../checks/rules';
import type { TemplateIndex } from '../checks/template-index';
import type { Finding, Level } from '../checks/types';
import type { LoadedInput } from '../loading/load-paths';
import type { LoadedTemplate, Notice } from '../loading/loaded-template';
import { TemplateAcknowledgments } from './acknowledgments';

/** The construct path CDK records on every resource it synthesizes. */
const CDK_PATH_METADATA = 'aws:cdk:path';

/** A finding placed in its file, with its acknowledgment. */
export interface ReportedFinding extends Finding {
  /** The template file, as given. */
  readonly file: string;
  /** The CDK construct path (`Stack/Db/Resource`), where the template records it. */
  readonly constructPath?: string;
  /** 1-based line of the resource in the file (of `Resources` for findings about the whole stack). */
  readonly line?: number;
  readonly acknowledged: boolean;
  readonly acknowledgedReason?: string;
}

/** Everything a check found: what the text, JSON, SARIF and JUnit formats print. */
export interface CheckReport {
  readonly rules: RuleSet;
  readonly templates: readonly LoadedTemplate[];
  /** One index per template, in the order of `templates` (reports reuse them). */
  readonly indexes: readonly TemplateIndex[];
  /** Sorted by template, line, logical ID and rule. */
  readonly findings: readonly ReportedFinding[];
  readonly notices: readonly Notice[];
}

/** The level at and above which an unacknowledged finding fails the run (`--fail-on`). */
export type FailLevel = Level;

/** True when a finding fails a run at `failOn`. */
export function isFailing(finding: ReportedFinding, failOn: FailLevel): boolean {
  return !finding.acknowledged && (failOn === 'warning' || finding.level === 'error');
}

/** Counts for summaries: unacknowledged errors and warnings, and acknowledged findings. */
export interface Summary {
  readonly templates: number;
  readonly resources: number;
  readonly errors: number;
  readonly warnings: number;
  readonly acknowledged: number;
}

export function summarise(report: CheckReport): Summary {
  const open = report.findings.filter((f) => !f.acknowledged);
  return {
    templates: report.templates.length,
    resources: report.indexes.reduce((n, index) => n + index.size, 0),
    errors: open.filter((f) => f.level === 'error').length,
    warnings: open.filter((f) => f.level === 'warning').length,
    acknowledged: report.findings.length - open.length,
  };
}

/** A string from a template's `Transform` (a name, a list of names, or `{ Name }` objects). */
function transformNames(transform: unknown): string[] {
  const list = Array.isArray(transform) ? transform : [transform];
  return list.map((t) => (typeof t === 'string' ? t : typeof (t as { Name?: unknown })?.Name === 'string' ? (t as { Name: string }).Name : JSON.stringify(t)));
}

function templateNotices(template: LoadedTemplate): Notice[] {
  const notices: Notice[] = [];
  if (template.stack.template.Transform !== undefined) {
    notices.push({
      template: template.file,
      message: `Transform ${transformNames(template.stack.template.Transform).join(', ')} is not expanded: the template was checked as written, so resources the transform generates were not checked`,
    });
  }
  return notices;
}

/**
 * Checks loaded templates with the rules (default: every DPP rule), one engine call per group so
 * app rules see every stack of an app together, and applies the acknowledgments recorded in
 * template metadata.
 */
export function checkTemplates(input: LoadedInput, rules: RuleSet = dppRuleSet()): CheckReport {
  const templates: LoadedTemplate[] = [];
  const indexes: TemplateIndex[] = [];
  const findings: ReportedFinding[] = [];
  const notices: Notice[] = [...input.notices];
  for (const group of input.groups) {
    const result = checkStacks(rules, group.templates.map((t) => t.stack));
    const byId = new Map(group.templates.map((t) => [t.stack.id, t]));
    const acknowledgments = new Map(result.indexes.map((index) => [index.stack.id, new TemplateAcknowledgments(index.stack.template, rules, index)]));
    templates.push(...group.templates);
    indexes.push(...result.indexes);
    for (const template of group.templates) notices.push(...templateNotices(template));
    for (const finding of [...result.findings, ...[...acknowledgments.values()].flatMap((a) => a.problems())]) {
      const template = byId.get(finding.templateId)!;
      const reason = acknowledgments.get(finding.templateId)!.reasonFor(finding.ruleId, finding.logicalId);
      const cdkPath = finding.logicalId ? template.stack.template.Resources?.[finding.logicalId]?.Metadata?.[CDK_PATH_METADATA] : undefined;
      findings.push({
        ...finding,
        file: template.file,
        constructPath: typeof cdkPath === 'string' ? cdkPath : undefined,
        line: finding.logicalId ? template.resourceLines.get(finding.logicalId) : template.resourcesLine,
        acknowledged: reason !== undefined,
        acknowledgedReason: reason,
      });
    }
  }
  const order = new Map(templates.map((t, i) => [t.file, i]));
  findings.sort(
    (a, b) =>
      order.get(a.file)! - order.get(b.file)! ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.logicalId ?? '').localeCompare(b.logicalId ?? '') ||
      a.ruleId.localeCompare(b.ruleId),
  );
  return { rules, templates, indexes, findings, notices };
}
