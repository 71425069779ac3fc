import { checkApp, checkResource, type RuleSet } from '../checks/engine';
import { TemplateIndex } from '../checks/template-index';
import type { Finding } from '../checks/types';
import type { LoadedTemplate, Notice } from '../loading/loaded-template';
import { TemplateAcknowledgments } from './acknowledgments';
import type { ReportedFinding } from './check-report';

/** The construct path CDK records on every resource it synthesizes. */
const CDK_PATH_METADATA = 'aws:cdk:path';

/** A resource at least one rule checks (JUnit makes a test case of each). */
export interface CheckedResource {
  readonly logicalId: string;
  readonly type: string;
  readonly line?: number;
}

/**
 * Everything the reports need about one checked template, and nothing that holds the template
 * itself: `dpp check` streams these, one template at a time, so memory stays flat however many
 * templates it reads. Plain data (structured-clonable), so worker threads can send it.
 */
export interface TemplateResult {
  /** The template file, as given. */
  readonly file: string;
  readonly stackName?: string;
  /** How many resources the template declares. */
  readonly resources: number;
  /** The resources at least one rule checks, in template order. */
  readonly checked: readonly CheckedResource[];
  /** Sorted by line, logical ID and rule. */
  readonly findings: readonly ReportedFinding[];
  /** Notices about the template itself (a transform not expanded, an acknowledgment without a reason). */
  readonly notices: readonly Notice[];
}

/** The resources of a template at least one rule checks, in template order. */
export function checkedResources(rules: RuleSet, template: LoadedTemplate, index: TemplateIndex): CheckedResource[] {
  return [...index.logicalIds].flatMap((logicalId) => {
    const type = index.typeOf(logicalId)!;
    return rules.forType(type).length > 0 ? [{ logicalId, type, line: template.resourceLines.get(logicalId) }] : [];
  });
}

/** True when a template takes part in the app rules' comparisons between stacks (see AppRule). */
export function comparesAcrossStacks(index: TemplateIndex): boolean {
  return index.environment() !== undefined || index.environmentUnknownWhy() !== undefined;
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

/** Same order as the reports always used: line, logical ID, rule (stable, so ties keep the engine's order). */
function byPlace(a: ReportedFinding, b: ReportedFinding): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.logicalId ?? '').localeCompare(b.logicalId ?? '') || a.ruleId.localeCompare(b.ruleId);
}

/**
 * One template's result: its resource findings and the app-rule findings about it (computed by
 * the caller over the template's group), placed at their lines, with the acknowledgments
 * recorded in its metadata applied.
 */
export function templateResult(rules: RuleSet, template: LoadedTemplate, index: TemplateIndex, appFindings: readonly Finding[]): TemplateResult {
  // Judged against the rules and the index: an empty reason or a critical rule acknowledges nothing and is itself a finding.
  const acknowledgments = new TemplateAcknowledgments(template.stack.template, rules, index);
  const raw: Finding[] = [];
  for (const logicalId of index.logicalIds) raw.push(...checkResource(rules, index, logicalId));
  raw.push(...appFindings, ...acknowledgments.problems());
  const findings = raw.map((finding): ReportedFinding => {
    const reason = acknowledgments.reasonFor(finding.ruleId, finding.logicalId);
    const cdkPath = finding.logicalId ? template.stack.template.Resources?.[finding.logicalId]?.Metadata?.[CDK_PATH_METADATA] : undefined;
    return {
      ...finding,
      file: template.file,
      constructPath: typeof cdkPath === 'string' ? cdkPath : undefined,
      line: finding.logicalId ? template.resourceLines.get(finding.logicalId) : template.resourcesLine,
      source: finding.logicalId ? template.creation?.resources.get(finding.logicalId) : template.creation?.stack,
      acknowledged: reason !== undefined,
      acknowledgedReason: reason,
    };
  });
  findings.sort(byPlace);
  return {
    file: template.file,
    stackName: template.stack.stackName,
    resources: index.size,
    checked: checkedResources(rules, template, index),
    findings,
    notices: templateNotices(template),
  };
}

/** App-rule findings over a group of stacks, by the template they are about. */
export function appFindingsByTemplate(rules: RuleSet, indexes: readonly TemplateIndex[]): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  for (const finding of checkApp(rules, indexes)) {
    const list = out.get(finding.templateId);
    if (list) list.push(finding);
    else out.set(finding.templateId, [finding]);
  }
  return out;
}

/** Checks the templates of one app (a cloud assembly, or loose templates checked together): app rules see them all. */
export function checkGroup(rules: RuleSet, templates: readonly LoadedTemplate[]): { results: TemplateResult[]; indexes: TemplateIndex[] } {
  const indexes = templates.map((t) => new TemplateIndex(t.stack));
  const app = appFindingsByTemplate(rules, indexes);
  const results = templates.map((t, i) => templateResult(rules, t, indexes[i], app.get(t.stack.id) ?? []));
  return { results, indexes };
}
