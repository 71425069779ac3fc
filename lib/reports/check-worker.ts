import { parentPort, workerData } from 'node:worker_threads';
import { dppRuleSet } from '../checks/rules';
import { InputError } from '../loading/errors';
import type { WorkerRules } from './worker-pool';
import { runCheckTask, type CheckTask } from './check-tasks';

/**
 * A worker thread of `dpp check --jobs N`: runs tasks with the DPP rules and posts back their
 * outcomes (never the templates), or the error a task met.
 */
const { profile, withoutEnvironmentControls } = workerData as WorkerRules;
const rules = withoutEnvironmentControls ? dppRuleSet(profile).withoutEnvironmentControls() : dppRuleSet(profile);
parentPort!.on('message', ({ id, task }: { id: number; task: CheckTask }) => {
  try {
    const outcome = runCheckTask(rules, task);
    // The template itself stays here: the main thread re-reads the few that compare across stacks.
    parentPort!.postMessage({ id, outcome: outcome.kind === 'compares' ? { kind: 'compares' } : outcome });
  } catch (error) {
    parentPort!.postMessage({ id, error: { message: error instanceof Error ? error.message : String(error), input: error instanceof InputError } });
  }
});
