import type { RuleSet } from '../checks/engine';
import { dppRuleSet } from '../checks/rules';
import type { TemplateIndex } from '../checks/template-index';
import type { Finding, Level } from '../checks/types';
import type { SourceLocation } from '../loading/creation-locations';
import type { LoadedInput } from '../loading/load-paths';
import type { LoadedTemplate, Notice } from '../loading/loaded-template';
import { groupBy } from './group-by';
import { checkedResources, checkGroup, type TemplateResult } from './template-result';

/** A finding placed in its file, with its acknowledgment. */
export interface ReportedFinding extends Finding {
  /** The template file, as given. */
  readonly file: string;
  /** The CDK construct path (`Stack/Db/Resource`), where the template records it. */
  readonly constructPath?: string;
  /** 1-based line of the resource in the file (of `Resources` for findings about the whole stack). */
  readonly line?: number;
  /** The app's source line that created the resource (or the stack), when the cloud assembly records it. */
  readonly source?: SourceLocation;
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

/**
 * Checks loaded templates with the rules (default: every DPP rule), one group at a time so app
 * rules see every stack of an app together, and applies the acknowledgments recorded in
 * template metadata. Holds every template: `dpp check` streams instead (check-stream.ts).
 */
export function checkTemplates(input: LoadedInput, rules: RuleSet = dppRuleSet()): CheckReport {
  const templates: LoadedTemplate[] = [];
  const indexes: TemplateIndex[] = [];
  const findings: ReportedFinding[] = [];
  const notices: Notice[] = [...input.notices];
  for (const group of input.groups) {
    const checked = checkGroup(rules, group.templates);
    templates.push(...group.templates);
    indexes.push(...checked.indexes);
    for (const result of checked.results) {
      findings.push(...result.findings);
      notices.push(...result.notices);
    }
  }
  return { rules, templates, indexes, findings, notices };
}

/** The per-template results of a report, for the streaming formatters. */
export function resultsOf(report: CheckReport): TemplateResult[] {
  // By template, not file: a StackSet's body shares its file with the template that declares it.
  const byTemplate = groupBy(report.findings, (f) => f.templateId);
  return report.templates.map((template, i) => {
    const index = report.indexes[i];
    const checked = checkedResources(report.rules, template, index);
    return { file: template.file, stackName: template.stack.stackName, resources: index.size, checked, findings: byTemplate.get(template.stack.id) ?? [], notices: [] };
  });
}
