// A fixed pool of pipeline worker threads called through comlink. A worker that dies in the
// middle of a call makes that call fail with WorkerExitedError and is replaced, so the caller can
// put the batch back in the queue.

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/umd/node-adapter.js';

import type { PipelineWorkerApi } from '../../src-worker/worker-api.js';

export class WorkerExitedError extends Error {
  constructor(code: number | string) {
    super(`Pipeline worker exited (${code}) in the middle of a batch`);
    this.name = 'WorkerExitedError';
  }
}

interface Slot {
  worker: Worker;
  api: Comlink.Remote<PipelineWorkerApi>;
  busy: boolean;
  /** Rejects the call in flight when the worker exits. */
  onExit: ((error: Error) => void) | null;
}

/** The worker module: compiled JavaScript next to this file in a build, TypeScript under tsx. */
function workerEntry(): { file: string | URL; workerData?: { entry: string } } {
  const compiled = new URL('../../src-worker/pipeline-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(compiled))) return { file: compiled };
  const source = new URL('../../src-worker/pipeline-worker.ts', import.meta.url);
  return { file: new URL('../../src-worker/worker-bootstrap.mjs', import.meta.url), workerData: { entry: source.href } };
}

export class WorkerPool {
  readonly size: number;
  readonly #slots: Slot[] = [];
  readonly #waiting: ((slot: Slot) => void)[] = [];
  #closed = false;

  constructor(size: number) {
    this.size = size;
    for (let i = 0; i < size; i += 1) this.#slots.push(this.#spawn());
  }

  #spawn(): Slot {
    const entry = workerEntry();
    const worker = new Worker(entry.file, entry.workerData ? { workerData: entry.workerData } : {});
    const slot: Slot = { worker, api: Comlink.wrap<PipelineWorkerApi>(nodeEndpoint(worker)), busy: false, onExit: null };

    worker.on('error', (error) => slot.onExit?.(error));
    worker.on('exit', (code) => {
      slot.onExit?.(new WorkerExitedError(code));
      if (this.#closed) return;
      const index = this.#slots.indexOf(slot);
      if (index < 0) return;
      const replacement = this.#spawn();
      this.#slots[index] = replacement;
      this.#release(replacement);
    });
    return slot;
  }

  /** Run a call on the next free worker; rejects with WorkerExitedError when the worker dies. */
  async run<T>(call: (api: Comlink.Remote<PipelineWorkerApi>) => Promise<T>): Promise<T> {
    const slot = await this.#acquire();
    try {
      return await new Promise<T>((resolve, reject) => {
        slot.onExit = reject;
        call(slot.api).then(resolve, reject);
      });
    } finally {
      slot.onExit = null;
      // A worker that exited was replaced, and its replacement was released on the spot.
      if (this.#slots.includes(slot)) this.#release(slot);
    }
  }

  #acquire(): Promise<Slot> {
    if (this.#closed) return Promise.reject(new Error('Worker pool is closed'));
    const free = this.#slots.find((slot) => !slot.busy);
    if (free) {
      free.busy = true;
      return Promise.resolve(free);
    }
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  #release(slot: Slot): void {
    const next = this.#waiting.shift();
    if (next) {
      slot.busy = true;
      next(slot);
    } else {
      slot.busy = false;
    }
  }

  /**
   * Make every worker exit when its next batch arrives, as a crash in the middle of a batch would;
   * for tests of crash recovery. A worker is not terminated from outside because a termination
   * during a LanceDB query can abort the whole process (@lancedb/lancedb 0.31.0).
   */
  async crashOnNextBatch(): Promise<void> {
    await Promise.all(this.#slots.map((slot) => slot.api.exitOnNextBatch()));
  }

  /**
   * Run a call on every free worker now and, for each busy one, once more when a worker frees up.
   * Meant for warm-up, where a second call on the same worker is harmless.
   */
  async runOnEach(call: (api: Comlink.Remote<PipelineWorkerApi>) => Promise<void>): Promise<void> {
    await Promise.all(this.#slots.map((slot) => (slot.busy ? this.run(call) : this.#runOn(slot, call))));
  }

  async #runOn(slot: Slot, call: (api: Comlink.Remote<PipelineWorkerApi>) => Promise<void>): Promise<void> {
    slot.busy = true;
    try {
      await call(slot.api);
    } finally {
      if (this.#slots.includes(slot)) this.#release(slot);
    }
  }

  get busyCount(): number {
    return this.#slots.filter((slot) => slot.busy).length;
  }

  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all(this.#slots.map((slot) => slot.worker.terminate()));
  }
}
