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
    // Plain data: results, or the digests of templates the app rules compare (never whole templates).
    parentPort!.postMessage({ id, outcome: runCheckTask(rules, task) });
  } catch (error) {
    parentPort!.postMessage({ id, error: { message: error instanceof Error ? error.message : String(error), input: error instanceof InputError } });
  }
});
