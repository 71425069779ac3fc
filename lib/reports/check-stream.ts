import type { RuleSet } from '../checks/engine';
import { dppRuleSet } from '../checks/rules';
import type { PolicyProfile } from '../policy/profile';
import { TemplateIndex } from '../checks/template-index';
import type { StackTemplate } from '../checks/template';
import type { Finding } from '../checks/types';
import { finishPlan, planPaths, PlanClaims, recordLooseRead } from '../loading/load-paths';
import type { Notice } from '../loading/loaded-template';
import { runCheckTask, type CheckOutcome, type CheckTask } from './check-tasks';
import { appFindingsByTemplate, type TemplateResult } from './template-result';
import { WorkerPool } from './worker-pool';

/** What `checkStream` yields: each template's result in report order, then the notices about the input itself. */
export type CheckEvent = { readonly type: 'template'; readonly result: TemplateResult } | { readonly type: 'input-notices'; readonly notices: readonly Notice[] };

/** Options of a streamed check. */
export interface CheckStreamOptions {
  /**
   * The rules to check with. Worker threads always use every DPP rule (under `profile`), so a
   * custom set runs on the calling thread (`jobs` must then be 1).
   * @default every DPP rule under `profile`
   */
  readonly rules?: RuleSet;
  /**
   * The policy profile the DPP rules are bound to (plain data, so worker threads get it too).
   * @default the `dpp` profile
   */
  readonly profile?: PolicyProfile;
  /**
   * Leave out the environment-control app rules (a workload app whose account runs the baseline:
   * `--environment-controls-from`), on this thread and in the workers alike.
   * @default false
   */
  readonly withoutEnvironmentControls?: boolean;
  /**
   * Worker threads that read and check templates. The order of what is yielded does not depend
   * on it.
   * @default 1 (everything on the calling thread, no worker)
   */
  readonly jobs?: number;
}

type Run = (task: CheckTask) => Promise<CheckOutcome>;

/**
 * Runs tasks with at most `window` in flight and yields their outcomes in the order of the
 * tasks. Each task is made only when it is dispatched, so it can depend on outcomes already
 * yielded.
 */
async function* ordered<R>(tasks: Iterable<() => Promise<R>>, window: number): AsyncGenerator<R> {
  const pending: Array<Promise<R>> = [];
  const next = tasks[Symbol.iterator]();
  let exhausted = false;
  const fill = (): void => {
    while (!exhausted && pending.length < window) {
      const item = next.next();
      if (item.done) exhausted = true;
      else {
        const promise = item.value();
        // Awaited in order below; a later task's failure must not count as unhandled meanwhile.
        promise.catch(() => undefined);
        pending.push(promise);
      }
    }
  };
  fill();
  while (pending.length > 0) {
    const outcome = await pending.shift()!;
    yield outcome;
    fill();
  }
}

/**
 * Checks templates, directories of templates and cloud assemblies one unit at a time, so memory
 * stays flat however many there are: a cloud assembly is read and checked whole (its app rules
 * see all its stacks), then dropped; loose templates are read one at a time. Loose templates
 * that take part in the app rules' comparisons between stacks (they carry a `dpp:environment`)
 * are the only ones held, and checked together; the others are checked alone, which gives the
 * same findings (see AppRule's contract). Of those held, only what the app rules read is kept (a
 * digest, lib/checks/app-digest.ts), so thousands of them fit in little memory; once the app rules
 * have run, each is read again and checked with their findings. When such a template comes
 * before others, the others after it are read twice too (a scan, then the check), so that
 * results still come in order.
 *
 * Yields the same results, in the same order, as `checkTemplates(loadPaths(paths))`, whatever
 * `jobs`. Throws {@link InputError} on bad input, possibly after yielding results: write them
 * somewhere that can be discarded (lib/cli/output.ts).
 */
export async function* checkStream(paths: readonly string[], options: CheckStreamOptions = {}): AsyncGenerator<CheckEvent> {
  const jobs = options.jobs ?? 1;
  if (!Number.isInteger(jobs) || jobs < 1) throw new Error(`checkStream: jobs must be a whole number, 1 or more (got ${jobs})`);
  if (jobs > 1 && options.rules) throw new Error('checkStream: worker threads check with every DPP rule; pass jobs: 1 for a custom rule set');
  const all = options.rules ?? dppRuleSet(options.profile);
  const rules = options.withoutEnvironmentControls ? all.withoutEnvironmentControls() : all;
  const plan = planPaths(paths);
  const claims = new PlanClaims(plan);
  const pool = jobs > 1 ? new WorkerPool(jobs, { profile: rules.policy, withoutEnvironmentControls: options.withoutEnvironmentControls ?? false }) : undefined;
  const run: Run = pool ? (task) => pool.run(task) : async (task) => runCheckTask(rules, task);
  // On this thread a task runs when it is made: one in flight. Workers get a few each, so none idles.
  const window = pool ? jobs * 4 : 1;
  try {
    // Checked as if nothing else claimed their templates; the rare assembly that shares one is checked again below.
    const assemblyTasks = plan.assemblies.map((assembly) => ({ kind: 'assembly' as const, assembly, excluded: [] }));
    let a = 0;
    for await (const outcome of ordered(assemblyTasks.map((task) => () => run(task)), window)) {
      const task = assemblyTasks[a++];
      let checked = outcome as Extract<CheckOutcome, { kind: 'assembly' }>;
      // An assembly sharing templates with an earlier argument checks without them, as loadPaths decides.
      if (checked.files.some((f) => !claims.canClaim(f, task.assembly.argument))) {
        checked = runCheckTask(rules, { ...task, excluded: claims.excludedFor(task.assembly.argument) }) as typeof checked;
      }
      for (const file of checked.files) claims.claimForAssembly(file, task.assembly.argument);
      for (const result of checked.results) yield { type: 'template', result };
    }

    const files = claims.looseFiles();
    // The digests (JSON) of the files whose templates the app rules compare, by position.
    const held = new Map<number, readonly string[]>();
    const skipped = new Set<number>();
    let firstHeld: number | undefined;
    let position = 0;
    const firstPass = files.map((file) => () => run({ kind: 'loose', file, mode: firstHeld === undefined ? 'check' : 'scan' }));
    for await (const outcome of ordered(firstPass, window)) {
      const i = position++;
      recordLooseRead(plan, files[i], outcome.kind !== 'not-a-template');
      if (outcome.kind === 'not-a-template') skipped.add(i);
      else if (outcome.kind === 'compares') {
        held.set(i, outcome.digests);
        firstHeld ??= i;
      } else if (outcome.kind === 'result' && firstHeld === undefined) {
        for (const result of outcome.results) yield { type: 'template', result };
      }
    }

    if (firstHeld !== undefined) {
      // Each digest's JSON is let go as soon as it is indexed: the two never all coexist.
      const indexes = new Map<number, TemplateIndex[]>();
      for (const [i, digests] of held) {
        indexes.set(i, digests.map((d) => new TemplateIndex(JSON.parse(d) as StackTemplate)));
        held.delete(i);
      }
      const app = appFindingsByTemplate(rules, [...indexes.values()].flat());
      const compared = new Map([...indexes].map(([i, list]) => [i, list.map((index) => index.stack.id)]));
      indexes.clear();
      const rest: Array<() => Promise<readonly TemplateResult[]>> = [];
      for (let i = firstHeld; i < files.length; i++) {
        if (skipped.has(i)) continue;
        const file = files[i];
        const ids = compared.get(i);
        const task: CheckTask = ids
          ? { kind: 'compared', file, appFindings: Object.fromEntries(ids.map((id): [string, readonly Finding[]] => [id, app.get(id) ?? []])) }
          : { kind: 'loose', file, mode: 'check' };
        rest.push(async () => {
          const outcome = await run(task);
          if (outcome.kind !== 'result') throw new Error(`${file.file}: changed while being checked`);
          return outcome.results;
        });
      }
      for await (const results of ordered(rest, window)) for (const result of results) yield { type: 'template', result };
    }
    yield { type: 'input-notices', notices: finishPlan(plan) };
  } finally {
    await pool?.close();
  }
}

/** Collects a streamed check: every result, and every notice in report order (the input's, then each template's). */
export async function collectCheck(paths: readonly string[], options: CheckStreamOptions = {}): Promise<{ results: TemplateResult[]; notices: Notice[] }> {
  const results: TemplateResult[] = [];
  let inputNotices: readonly Notice[] = [];
  for await (const event of checkStream(paths, options)) {
    if (event.type === 'template') results.push(event.result);
    else inputNotices = event.notices;
  }
  return { results, notices: [...inputNotices, ...results.flatMap((r) => r.notices)] };
}
