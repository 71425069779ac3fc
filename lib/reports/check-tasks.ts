import type { RuleSet } from '../checks/engine';
import { TemplateIndex } from '../checks/template-index';
import { loadCloudAssembly } from '../loading/cloud-assembly';
import { InputError } from '../loading/errors';
import { readLooseTemplate, type PlannedAssembly, type PlannedFile } from '../loading/load-paths';
import type { LoadedTemplate } from '../loading/loaded-template';
import { checkGroup, comparesAcrossStacks, type TemplateResult } from './template-result';

/**
 * One unit of `dpp check`'s work, plain data so a worker thread can run it: a cloud assembly
 * (read and checked whole, app rules included), or one loose template file (its own template and
 * its StackSets' bodies).
 */
export type CheckTask =
  | { readonly kind: 'assembly'; readonly assembly: PlannedAssembly; readonly excluded: readonly string[] }
  | { readonly kind: 'loose'; readonly file: PlannedFile; readonly mode: 'check' | 'scan' };

/** What a task found. `loaded` is set only when the task ran on the calling thread. */
export type CheckOutcome =
  | { readonly kind: 'assembly'; readonly files: readonly string[]; readonly results: readonly TemplateResult[] }
  | { readonly kind: 'not-a-template' }
  | { readonly kind: 'compares'; readonly loaded?: ReadonlyArray<{ readonly template: LoadedTemplate; readonly index: TemplateIndex }> }
  | { readonly kind: 'scanned' }
  | { readonly kind: 'result'; readonly results: readonly TemplateResult[] };

/**
 * Runs a task. A loose file with a template that takes part in the app rules' comparisons
 * between stacks comes back as `compares`: the caller checks it with the others. Any other loose
 * file is checked alone (`check`), app rules included (see AppRule's contract), or only read (`scan`).
 */
export function runCheckTask(rules: RuleSet, task: CheckTask): CheckOutcome {
  if (task.kind === 'assembly') {
    const excluded = new Set(task.excluded);
    const templates = loadCloudAssembly(task.assembly.directory).filter((t) => !excluded.has(t.file));
    if (templates.length === 0) throw new InputError(`${task.assembly.given}: the cloud assembly has no stack templates`);
    return { kind: 'assembly', files: templates.map((t) => t.file), results: checkGroup(rules, templates).results };
  }
  const read = readLooseTemplate(task.file);
  if (!('templates' in read)) return { kind: 'not-a-template' };
  const loaded = read.templates.map((template) => ({ template, index: new TemplateIndex(template.stack) }));
  if (loaded.some((l) => comparesAcrossStacks(l.index))) return { kind: 'compares', loaded };
  if (task.mode === 'scan') return { kind: 'scanned' };
  return { kind: 'result', results: checkGroup(rules, read.templates).results };
}
