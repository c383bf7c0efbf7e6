// The contract between the engine in the main thread and a pipeline worker thread (via comlink).

import type { MatcherSettings, PriorDecision } from './pipeline/matcher';
import type { MatchResult, PriceListLine } from './pipeline/types';

export interface WorkerIndexSpec {
  indexDir: string;
  /** Index version to open; the worker reopens when a batch names another one. */
  version: number;
  /** Null for the built-in hashing embedder. */
  modelDir: string | null;
}

export interface PipelineWorkerApi {
  /** Match a batch of lines. `decisions` maps a line id to a person's earlier decision on that line. */
  matchBatch(
    index: WorkerIndexSpec,
    lines: PriceListLine[],
    settings: MatcherSettings,
    decisions: Record<string, PriorDecision>,
  ): Promise<MatchResult[]>;
  /** Open an index version ahead of its first batch, so a new catalog's first job does not wait for it. */
  prepareIndex(index: WorkerIndexSpec): Promise<void>;
  /**
   * Fault injection for tests of crash recovery: the worker exits as soon as its next batch
   * arrives, before it queries the index. (Terminating a worker during a LanceDB query can abort
   * the whole process, so that is not how crashes are simulated.)
   */
  exitOnNextBatch(): void;
  /** Candidate SKUs and scores for a free-text catalog search. */
  searchCatalog(index: WorkerIndexSpec, query: string, limit: number): Promise<{ sku: string; score: number }[]>;
}
