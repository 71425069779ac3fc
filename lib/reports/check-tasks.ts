import { appDigest } from '../checks/app-digest';
import type { RuleSet } from '../checks/engine';
import { TemplateIndex } from '../checks/template-index';
import type { Finding } from '../checks/types';
import { loadCloudAssembly } from '../loading/cloud-assembly';
import { InputError } from '../loading/errors';
import { readLooseTemplate, type PlannedAssembly, type PlannedFile } from '../loading/load-paths';
import { checkGroup, comparesAcrossStacks, templateResult, type TemplateResult } from './template-result';

/**
 * One unit of `dpp check`'s work, plain data so a worker thread can run it: a cloud assembly
 * (read and checked whole, app rules included), one loose template file (its own template and
 * its StackSets' bodies), or a loose file that the app rules compared with others, checked with
 * the app rules' findings about its templates (by template ID).
 */
export type CheckTask =
  | { readonly kind: 'assembly'; readonly assembly: PlannedAssembly; readonly excluded: readonly string[] }
  | { readonly kind: 'loose'; readonly file: PlannedFile; readonly mode: 'check' | 'scan' }
  | { readonly kind: 'compared'; readonly file: PlannedFile; readonly appFindings: Readonly<Record<string, readonly Finding[]>> };

/** What a task found. */
export type CheckOutcome =
  | { readonly kind: 'assembly'; readonly files: readonly string[]; readonly results: readonly TemplateResult[] }
  | { readonly kind: 'not-a-template' }
  /**
   * What the app rules read of each of the file's templates (lib/checks/app-digest.ts), as JSON:
   * the caller holds only that, and a string is the most compact way to hold it.
   */
  | { readonly kind: 'compares'; readonly digests: readonly string[] }
  | { readonly kind: 'scanned' }
  | { readonly kind: 'result'; readonly results: readonly TemplateResult[] };

/**
 * Runs a task. A loose file with a template that takes part in the app rules' comparisons
 * between stacks comes back as `compares`, with digests: the caller runs the app rules over them
 * and all the others, then checks the file again as `compared`. Any other loose file is checked
 * alone (`check`), app rules included (see AppRule's contract), or only read (`scan`).
 */
export function runCheckTask(rules: RuleSet, task: CheckTask): CheckOutcome {
  if (task.kind === 'assembly') {
    const excluded = new Set(task.excluded);
    const templates = loadCloudAssembly(task.assembly.directory).filter((t) => !excluded.has(t.file));
    if (templates.length === 0) throw new InputError(`${task.assembly.given}: the cloud assembly has no stack templates`);
    return { kind: 'assembly', files: templates.map((t) => t.file), results: checkGroup(rules, templates).results };
  }
  const read = readLooseTemplate(task.file);
  if (!('templates' in read)) {
    if (task.kind === 'compared') throw new Error(`${task.file.file}: changed while being checked`);
    return { kind: 'not-a-template' };
  }
  if (task.kind === 'compared') {
    return { kind: 'result', results: read.templates.map((t) => templateResult(rules, t, new TemplateIndex(t.stack), task.appFindings[t.stack.id] ?? [])) };
  }
  // A digest tells whether its template takes part in the comparisons as the template would (test/helpers/check.ts), for less than indexing it.
  const digests = read.templates.map((t) => appDigest(t.stack, rules));
  if (digests.some((d) => comparesAcrossStacks(new TemplateIndex(d)))) return { kind: 'compares', digests: digests.map((d) => JSON.stringify(d)) };
  if (task.mode === 'scan') return { kind: 'scanned' };
  return { kind: 'result', results: checkGroup(rules, read.templates).results };
}
