// The batch engine: requests and their lines persisted in SQLite, cut into batches and matched
// on a pool of worker threads. Plain Node code, run by the Electron main process and by the
// headless server alike. Each batch's results are saved as soon as it is done, so a crash loses
// at most the batches in flight, and the next start puts their lines back in the queue.

import os from 'node:os';

import pino, { type Logger } from 'pino';

import { dropIndexVersions, type IndexManifest } from '../../src-worker/catalog/sku-index.js';
import { DEFAULT_MATCHER, type MatcherSettings, type PriorDecision } from '../../src-worker/pipeline/matcher.js';
import type { CatalogItem, MatchResult } from '../../src-worker/pipeline/types.js';
import type { WorkerIndexSpec } from '../../src-worker/worker-api.js';
import { type DataPaths, dataPaths } from '../config/paths.js';
import { UserError } from '../errors.js';
import { JobQueue, type QueuedLine } from '../store/job-queue.js';
import { supplierLineKey } from '../store/line-key.js';
import { registerQueryFunctions } from '../store/result-queries.js';
import { ResultsStore } from '../store/results-store.js';
import { CatalogCache } from './catalog-cache.js';
import { readJobStatus, readResultsPage, readStatistics, recentJobs, toResultRow } from './engine-reads.js';
import type {
  CatalogInfo,
  CatalogSearchHit,
  EngineSettings,
  HealthInfo,
  JobStatus,
  MatchEngine,
  ResultRow,
  ResultsPage,
  ResultsQuery,
  ReviewInput,
  Statistics,
  SubmitAnswer,
  SubmitRequest,
} from './engine-types.js';
import { applyReview } from './review.js';
import { Throughput } from './throughput.js';
import { WorkerExitedError, WorkerPool } from './worker-pool.js';

export const DEFAULT_SETTINGS: EngineSettings = {
  maxMaterialsPerRequest: 10_000,
  batchSize: 50,
  workers: Math.min(5, Math.max(1, os.availableParallelism() - 1)),
  acceptThreshold: DEFAULT_MATCHER.acceptThreshold,
  reviewThreshold: DEFAULT_MATCHER.reviewThreshold,
  maxRetries: 3,
  retryDelaySeconds: 300,
};

/** Lines per second assumed for estimates before the first batch has been measured. */
const ASSUMED_RATE = 100;
/** A line whose batch crashed its worker this many times is failed instead of requeued at once. */
const MAX_CRASHES_PER_LINE = 2;
/** Maximum wait for batches in flight when stopping; after it they are parked for the next start. */
const STOP_GRACE_MS = 10_000;

export interface EngineOptions {
  dataDir: string;
  settings?: Partial<EngineSettings>;
  /** A local transformers.js model folder; null or missing for the built-in embedder. */
  modelDir?: string | null;
  logger?: Logger;
}

export class JobEngine implements MatchEngine {
  readonly settings: EngineSettings;
  readonly paths: DataPaths;
  readonly logger: Logger;
  readonly pool: WorkerPool;
  readonly #store: ResultsStore;
  readonly #queue: JobQueue;
  readonly #catalog: CatalogCache;
  readonly #modelDir: string | null;
  readonly #throughput = new Throughput();
  readonly #crashes = new Map<number, number>();
  /** Batches being matched, with the ids of their lines, so a stop can park them. */
  readonly #inFlight = new Map<Promise<void>, number[]>();
  readonly #startedAt = Date.now();
  #wake: (() => void) | null = null;
  #stopping = false;
  /** Set once stop() has parked the batches in flight and closed the store. */
  #closed = false;
  #loop: Promise<void> | null = null;
  #importChain: Promise<unknown> = Promise.resolve();

  private constructor(options: EngineOptions, store: ResultsStore, catalog: CatalogCache) {
    this.settings = { ...DEFAULT_SETTINGS, ...options.settings };
    this.paths = dataPaths(options.dataDir);
    this.logger = options.logger ?? pino({ level: 'info' }, pino.destination(2));
    this.#modelDir = options.modelDir ?? null;
    this.#store = store;
    this.#queue = new JobQueue(store.database);
    this.#catalog = catalog;
    this.pool = new WorkerPool(this.settings.workers);
  }

  /** Open the store, put interrupted lines back in the queue and start processing. */
  static async start(options: EngineOptions): Promise<JobEngine> {
    const paths = dataPaths(options.dataDir);
    const store = ResultsStore.open(paths.resultsDb);
    registerQueryFunctions(store.database);
    const catalog = await CatalogCache.load(paths.indexDir);
    const engine = new JobEngine(options, store, catalog);

    const requeued = engine.#queue.requeueInterrupted();
    const unfinished = engine.#queue.unfinishedRequests();
    engine.logger.info({ event: 'engine_started', workers: engine.settings.workers, requeuedLines: requeued, unfinishedRequests: unfinished.length, catalogVersion: catalog.manifest?.version ?? null }, 'engine started');
    engine.#loop = engine.#run();
    void engine.#prepareWorkers();
    return engine;
  }

  submit(request: SubmitRequest): SubmitAnswer {
    const count = request.materials.length;
    if (count === 0 || count > this.settings.maxMaterialsPerRequest) {
      throw new UserError('invalid_argument', {
        ru: `В запросе ${count} строк, допускается от 1 до ${this.settings.maxMaterialsPerRequest}.`,
        en: `The request has ${count} lines; 1 to ${this.settings.maxMaterialsPerRequest} are allowed.`,
      });
    }
    const seen = new Set<string>();
    const duplicate = request.materials.find((material) => seen.size === seen.add(material.id).size);
    if (duplicate) {
      throw new UserError('invalid_argument', {
        ru: `Код строки «${duplicate.id}» повторяется: коды строк в запросе должны быть уникальны.`,
        en: `Line id "${duplicate.id}" appears more than once: line ids in a request must be unique.`,
      });
    }
    const manifest = this.#catalog.manifest;
    if (!manifest) {
      throw new UserError('catalog_empty', { ru: 'Каталог не загружен: сначала импортируйте каталог.', en: 'No catalog is loaded: import a catalog first.' });
    }

    const requestId = this.#store.createRequest({
      requestId: request.requestId,
      source: request.source ?? 'api',
      inputFile: request.inputFile ?? undefined,
      catalogVersion: String(manifest.version),
      supplier: request.supplier ?? undefined,
      materialsCount: count,
      settings: { acceptThreshold: this.settings.acceptThreshold, reviewThreshold: this.settings.reviewThreshold },
    });
    this.#store.addPendingLines(
      requestId,
      request.materials.map((material, i) => ({
        materialId: material.id,
        name: material.name,
        unit: material.unit,
        price: material.price ?? null,
        rowNumber: material.rowNumber ?? i + 1,
        input: inputColumns(material),
      })),
    );
    this.logger.info({ event: 'request_submitted', requestId, lines: count, supplier: request.supplier ?? null }, 'request submitted');
    this.#wake?.();

    const queued = this.#queue.pendingLineCount();
    const rate = this.#throughput.rate() ?? ASSUMED_RATE;
    return { requestId, materialsCount: count, estimatedCompletion: new Date(Date.now() + (queued / rate) * 1000).toISOString() };
  }

  status(requestId: string): JobStatus | null {
    return readJobStatus(this.#store, this.#queue, requestId, this.#throughput.rate() ?? ASSUMED_RATE);
  }

  results(requestId: string, query: ResultsQuery): ResultsPage | null {
    return readResultsPage(this.#store, requestId, query);
  }

  listRequests(limit: number): JobStatus[] {
    return recentJobs(this.#store, this.#queue, limit, this.#throughput.rate() ?? ASSUMED_RATE);
  }

  statistics(): Statistics {
    return readStatistics(this.#store, this.#throughput.rate());
  }

  retry(requestId?: string, materialIds?: string[]): number {
    const count = this.#queue.retryNow(requestId, materialIds);
    this.#crashes.clear();
    this.logger.info({ event: 'retry_requested', requestId: requestId ?? null, lines: count }, 'failed lines queued again');
    this.#wake?.();
    return count;
  }

  cancel(requestId: string): boolean {
    const cancelled = this.#queue.cancel(requestId);
    if (cancelled) this.logger.info({ event: 'request_cancelled', requestId }, 'request cancelled');
    return cancelled;
  }

  cleanup(olderThanDays: number): { requests: number; results: number } {
    const counts = this.#store.deleteOlderThan(olderThanDays);
    this.logger.info({ event: 'cleanup', olderThanDays, ...counts }, 'old records deleted');
    return counts;
  }

  /** Build a new index version from the items and switch to it; running requests keep their version. */
  importCatalog(items: CatalogItem[], source: { file?: string }): Promise<IndexManifest> {
    const task = this.#importChain.then(async () => {
      const started = performance.now();
      const manifest = await this.#catalog.rebuild(items, this.#modelDir, source.file);
      this.logger.info({ event: 'catalog_imported', version: manifest.version, items: items.length, seconds: (performance.now() - started) / 1000 }, 'catalog imported');
      await this.#dropUnusedVersions(manifest.version);
      await this.#prepareWorkers();
      this.#wake?.();
      return manifest;
    });
    this.#importChain = task.catch(() => undefined);
    return task;
  }

  /** Have the workers open the current index version now instead of on the next job's first batch. */
  async #prepareWorkers(): Promise<void> {
    const spec = this.#indexSpec(null);
    if (!spec) return;
    const started = performance.now();
    await this.pool.runOnEach((api) => api.prepareIndex(spec)).catch((error: unknown) => {
      this.logger.warn({ event: 'index_prepare_failed', error: String(error) }, 'workers did not open the index ahead of time');
    });
    this.logger.info({ event: 'workers_prepared', version: spec.version, seconds: (performance.now() - started) / 1000 }, 'workers opened the index');
  }

  /** Keep the current and the previous index version and those that unfinished requests use. */
  async #dropUnusedVersions(current: number): Promise<void> {
    const keep = new Set([current, current - 1, ...this.#queue.catalogVersionsInUse()]);
    const dropped = await dropIndexVersions(this.paths.indexDir, keep).catch((error: unknown) => {
      this.logger.warn({ event: 'index_cleanup_failed', error: String(error) }, 'old index versions not removed');
      return [];
    });
    if (dropped.length > 0) this.logger.info({ event: 'index_versions_dropped', versions: dropped }, 'old index versions removed');
  }

  catalogInfo(): CatalogInfo {
    return { manifest: this.#catalog.manifest, itemCount: this.#catalog.size };
  }

  async searchCatalog(query: string, limit: number): Promise<CatalogSearchHit[]> {
    const spec = this.#indexSpec(null);
    if (!spec || query.trim() === '') return [];
    const hits = await this.pool.run((api) => api.searchCatalog(spec, query, limit));
    return hits.flatMap((hit) => {
      const item = this.#catalog.get(hit.sku);
      return item && hit.score > 0 ? [{ ...item, score: hit.score }] : [];
    });
  }

  review(requestId: string, materialId: string, input: ReviewInput): ResultRow[] | null {
    const rows = applyReview(this.#store, this.#catalog, requestId, materialId, input);
    if (rows) this.logger.info({ event: 'review', requestId, materialId, action: input.action, lines: rows.length }, 'review decision stored');
    return rows?.map(toResultRow) ?? null;
  }

  health(): HealthInfo {
    const manifest = this.#catalog.manifest;
    return {
      status: this.#stopping ? 'degraded' : 'ok',
      version: process.env.npm_package_version ?? '0.1.0',
      uptimeSeconds: Math.round((Date.now() - this.#startedAt) / 1000),
      workers: this.settings.workers,
      catalog: manifest ? { version: manifest.version, itemCount: manifest.itemCount } : null,
      queue: { pendingLines: this.#queue.pendingLineCount(), runningRequests: this.#queue.unfinishedRequests().length },
    };
  }

  /** Stop taking batches, wait a little for those in flight, park the rest, and close. */
  async stop(): Promise<void> {
    if (this.#stopping) return;
    this.#stopping = true;
    this.#wake?.();
    await this.#loop;
    const finished = Promise.all([...this.#inFlight.keys()]);
    const timedOut = await Promise.race([finished.then(() => false), sleep(STOP_GRACE_MS).then(() => true)]);

    // Park what is still running before the workers go: their lines return to the queue for the
    // next start, and a worker ended during a LanceDB query may take the process down with it.
    const parked = [...this.#inFlight.values()].flat();
    if (parked.length > 0) this.#queue.release(parked);
    this.#closed = true;
    this.#store.close();
    this.logger.info({ event: 'engine_stopped', timedOut, parkedLines: parked.length }, 'engine stopped');
    await this.pool.close();
  }

  /** The scheduler: keep every worker busy while due lines exist, otherwise sleep until woken. */
  async #run(): Promise<void> {
    while (!this.#stopping) {
      if (this.#inFlight.size >= this.settings.workers) {
        await Promise.race([...this.#inFlight.keys()]);
        continue;
      }
      const batch = this.#catalog.manifest ? this.#queue.claimBatch(this.settings.batchSize) : [];
      if (batch.length === 0) {
        await this.#sleepUntilWork();
        continue;
      }
      const task = this.#process(batch).finally(() => this.#inFlight.delete(task));
      this.#inFlight.set(task, batch.map((line) => line.id));
    }
  }

  async #sleepUntilWork(): Promise<void> {
    const nextRetry = this.#queue.nextRetryAt();
    const untilRetry = nextRetry ? Math.max(50, Date.parse(nextRetry) - Date.now()) : 60_000;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, Math.min(untilRetry, 60_000));
      this.#wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    this.#wake = null;
  }

  async #process(batch: QueuedLine[]): Promise<void> {
    const first = batch[0];
    if (!first) return;
    const requestId = first.requestId;
    const ids = batch.map((line) => line.id);
    const spec = this.#indexSpec(first.catalogVersion);
    if (!spec) {
      this.#queue.release(ids);
      return;
    }

    const started = performance.now();
    try {
      const decisions = this.#priorDecisions(batch);
      const settings: MatcherSettings = { ...DEFAULT_MATCHER, acceptThreshold: this.settings.acceptThreshold, reviewThreshold: this.settings.reviewThreshold };
      const lines = batch.map((line) => ({ id: line.materialId, name: line.name, unit: line.unit, price: line.price ?? undefined, rowNumber: line.rowNumber ?? undefined }));
      const results = await this.pool.run((api) => api.matchBatch(spec, lines, settings, decisions));
      if (this.#closed) return;
      if (this.#queue.isCancelled(requestId)) {
        this.#queue.release(ids);
        return;
      }
      this.#saveBatch(requestId, batch, results);
      this.#throughput.add(batch.length, (performance.now() - started) / 1000);
    } catch (error) {
      if (this.#closed) return;
      this.#handleBatchError(requestId, batch, error);
    }
    if (this.#queue.completeIfDone(requestId)) {
      this.logger.info({ event: 'request_completed', requestId }, 'request completed');
    }
    // A failed line may now wait for a retry whose due time the sleeping scheduler does not know.
    this.#wake?.();
  }

  #saveBatch(requestId: string, batch: QueuedLine[], results: MatchResult[]): void {
    const byMaterial = new Map(batch.map((line) => [line.materialId, line]));
    const done = results.filter((result) => result.status !== 'failed');
    this.#store.saveResults(requestId, done);
    this.#queue.clearRetryState(done.flatMap((result) => byMaterial.get(result.materialId)?.id ?? []));
    for (const result of results) {
      if (result.status !== 'failed') continue;
      const line = byMaterial.get(result.materialId);
      if (!line) continue;
      const retried = this.#queue.failLine(line.id, result.errorMessage ?? 'unknown error', this.settings);
      this.logger.warn({ event: 'line_failed', requestId, materialId: line.materialId, error: result.errorMessage, retried }, 'line failed');
    }
  }

  #handleBatchError(requestId: string, batch: QueuedLine[], error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    const crashed = error instanceof WorkerExitedError;
    this.logger.error({ event: crashed ? 'worker_exited' : 'batch_failed', requestId, lines: batch.length, error: message }, 'batch failed');
    if (this.#stopping) {
      this.#queue.release(batch.map((line) => line.id));
      return;
    }
    for (const line of batch) {
      const crashes = (this.#crashes.get(line.id) ?? 0) + (crashed ? 1 : 0);
      this.#crashes.set(line.id, crashes);
      if (crashed && crashes < MAX_CRASHES_PER_LINE) this.#queue.release([line.id]);
      else this.#queue.failLine(line.id, message, this.settings);
    }
    this.#wake?.();
  }

  #priorDecisions(batch: QueuedLine[]): Record<string, PriorDecision> {
    const decisions: Record<string, PriorDecision> = {};
    for (const line of batch) {
      const decision = this.#store.findDecision(line.supplier, supplierLineKey(line.name, line.unit));
      if (decision) decisions[line.materialId] = { action: decision.action, sku: decision.sku };
    }
    return decisions;
  }

  #indexSpec(catalogVersion: string | null): WorkerIndexSpec | null {
    const current = this.#catalog.manifest;
    if (!current) return null;
    const version = catalogVersion ? Number(catalogVersion) : current.version;
    return { indexDir: this.paths.indexDir, version: Number.isFinite(version) ? version : current.version, modelDir: this.#modelDir };
  }
}

/** Return the line's own columns: those of the uploaded file when given, otherwise the API fields. */
function inputColumns(material: SubmitRequest['materials'][number]): Record<string, string> {
  if (material.extra && Object.keys(material.extra).length > 0) return material.extra;
  const columns: Record<string, string> = { id: material.id, name: material.name, unit: material.unit };
  if (material.price != null) columns.price = String(material.price);
  return columns;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
