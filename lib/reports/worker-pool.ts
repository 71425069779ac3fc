import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { InputError } from '../loading/errors';
import type { PolicyProfile } from '../policy/profile';
import type { CheckOutcome, CheckTask } from './check-tasks';

interface Pending {
  readonly resolve: (outcome: CheckOutcome) => void;
  readonly reject: (error: Error) => void;
}

type Reply = { id: number; outcome: CheckOutcome } | { id: number; error: { message: string; input: boolean } };

/**
 * The worker entry beside this file: compiled JavaScript when installed, TypeScript in this
 * repository (tsx, jest), where the worker registers tsx's loader first.
 */
/** What a worker builds its rule set from: plain data, so it crosses to the thread. */
export interface WorkerRules {
  readonly profile: PolicyProfile;
  readonly withoutEnvironmentControls: boolean;
}

function startWorker(workerData: WorkerRules): Worker {
  const extension = path.extname(__filename);
  const entry = path.join(__dirname, `check-worker${extension}`);
  if (extension !== '.ts') return new Worker(entry, { workerData });
  return new Worker(`require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(entry)});`, { eval: true, workerData });
}

/**
 * `jobs` worker threads that run check tasks, each task on the next free worker. Errors come back
 * as they were thrown (bad input stays an {@link InputError}); a worker that dies fails its tasks.
 */
export class WorkerPool {
  private readonly idle: Worker[] = [];
  private readonly queue: Array<{ id: number; task: CheckTask }> = [];
  private readonly pending = new Map<number, Pending>();
  private readonly busy = new Map<Worker, number>();
  private readonly workers: Worker[] = [];
  private nextId = 0;

  constructor(jobs: number, rules: WorkerRules) {
    for (let i = 0; i < jobs; i++) {
      const worker = startWorker(rules);
      worker.on('message', (reply: Reply) => this.settle(worker, reply));
      worker.on('error', (error) => this.fail(worker, error));
      this.workers.push(worker);
      this.idle.push(worker);
    }
  }

  public run(task: CheckTask): Promise<CheckOutcome> {
    const id = this.nextId++;
    const promise = new Promise<CheckOutcome>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    this.queue.push({ id, task });
    this.dispatch();
    return promise;
  }

  public async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop()!;
      const next = this.queue.shift()!;
      this.busy.set(worker, next.id);
      worker.postMessage(next);
    }
  }

  private settle(worker: Worker, reply: Reply): void {
    const pending = this.pending.get(reply.id);
    this.pending.delete(reply.id);
    this.busy.delete(worker);
    this.idle.push(worker);
    if ('error' in reply) pending?.reject(reply.error.input ? new InputError(reply.error.message) : new Error(reply.error.message));
    else pending?.resolve(reply.outcome);
    this.dispatch();
  }

  /** A worker that dies fails the run: every task still to come is rejected, none waits forever. */
  private fail(worker: Worker, error: Error): void {
    this.busy.delete(worker);
    const reason = new Error(`a check worker failed: ${error.message.split('\n')[0]}`);
    for (const pending of this.pending.values()) pending.reject(reason);
    this.pending.clear();
    this.queue.length = 0;
  }
}
