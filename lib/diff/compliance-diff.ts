import * as path from 'node:path';
import type { CheckReport, ReportedFinding } from '../reports/check-report';
import type { LoadedTemplate } from '../loading/loaded-template';

/** A finding in both versions; `withdrawn` when the old one was acknowledged and the new one is not. */
export interface UnchangedFinding {
  readonly before: ReportedFinding;
  readonly after: ReportedFinding;
}

/** What a change did to the posture: findings it introduced, resolved and left. */
export interface ComplianceDiff {
  readonly introduced: readonly ReportedFinding[];
  readonly resolved: readonly ReportedFinding[];
  readonly unchanged: readonly UnchangedFinding[];
}

/**
 * A template's identity across the two versions: the stack name (cloud assemblies), else the
 * path under the directory given, else nothing (the one template given on each side).
 */
export function templateKey(template: LoadedTemplate, root: string): string {
  if (template.stack.stackName) return `stack:${template.stack.stackName}`;
  const relative = path.relative(root, template.file);
  return relative === '' ? 'template' : `file:${relative.split(path.sep).join('/')}`;
}

/**
 * A finding's identity: where (template, resource, property) and what (rule, level). The message
 * is left out, so a finding whose wording changes with a value (a retention of 60 → 45 days)
 * stays the same finding.
 */
function findingKey(f: ReportedFinding, templateKeys: ReadonlyMap<string, string>): string {
  return [templateKeys.get(f.file), f.logicalId ?? '', f.ruleId, f.property ?? '', f.level].join('|');
}

function keysOf(report: CheckReport, root: string): Map<string, string> {
  return new Map(report.templates.map((t) => [t.file, templateKey(t, root)]));
}

/**
 * Compares the findings of two versions (OLD checked from `oldRoot`, NEW from `newRoot`).
 * Findings are matched as a multiset, so two identical findings on one resource and one after the
 * change give one resolved.
 */
export function complianceDiff(before: CheckReport, oldRoot: string, after: CheckReport, newRoot: string): ComplianceDiff {
  const oldKeys = keysOf(before, oldRoot);
  const newKeys = keysOf(after, newRoot);
  const pending = new Map<string, ReportedFinding[]>();
  for (const f of before.findings) {
    const key = findingKey(f, oldKeys);
    const list = pending.get(key);
    if (list) list.push(f);
    else pending.set(key, [f]);
  }
  const introduced: ReportedFinding[] = [];
  const unchanged: UnchangedFinding[] = [];
  for (const f of after.findings) {
    const match = pending.get(findingKey(f, newKeys))?.shift();
    if (match) unchanged.push({ before: match, after: f });
    else introduced.push(f);
  }
  const resolved = [...pending.values()].flat();
  return { introduced, resolved, unchanged };
}

/** True when the change leaves an unacknowledged error it did not have: introduced, or an acknowledgment withdrawn. */
export function introducesError(diff: ComplianceDiff): boolean {
  return (
    diff.introduced.some((f) => !f.acknowledged && f.level === 'error') ||
    diff.unchanged.some((u) => u.before.acknowledged && !u.after.acknowledged && u.after.level === 'error')
  );
}
