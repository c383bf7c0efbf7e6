// An in-memory MatchEngine for the API tests. It matches a line at once (unless `hold` is set)
// by a simple rule on the catalog: the same name is `matched`, a shared first word is
// `needs_review`, anything else is `no_match`, and a name containing "СБОЙ" is `failed`.

import type { IndexManifest } from '../../src-worker/catalog/sku-index.js';
import type { Candidate, CatalogItem } from '../../src-worker/pipeline/types.js';
import type {
  CatalogInfo,
  CatalogSearchHit,
  EngineSettings,
  HealthInfo,
  JobState,
  JobStatus,
  MatchEngine,
  ResultRow,
  ResultsPage,
  ResultsQuery,
  ReviewInput,
  Statistics,
  SubmitAnswer,
  SubmitRequest,
} from '../../src-main/engine/engine-types.js';
import { UserError } from '../../src-main/errors.js';
import type { StatusCounts } from '../../src-main/store/types.js';

interface FakeJob {
  requestId: string;
  status: JobState;
  supplier: string | null;
  catalogVersion: string | null;
  createdAt: string;
  startedAt: string | null;
  completedAt: string | null;
  rows: ResultRow[];
}

type ThrowableMethod = 'submit' | 'status' | 'results' | 'statistics' | 'importCatalog' | 'searchCatalog' | 'review' | 'health' | 'retry' | 'cleanup';

export class FakeEngine implements MatchEngine {
  readonly settings: EngineSettings = {
    maxMaterialsPerRequest: 10_000,
    batchSize: 50,
    workers: 1,
    acceptThreshold: 0.8,
    reviewThreshold: 0.5,
    maxRetries: 3,
    retryDelaySeconds: 300,
  };

  /** When true, submitted requests stay pending until finish() is called. */
  hold = false;
  /** Errors to throw from the named methods, to test the API's error responses. */
  readonly failures = new Map<ThrowableMethod, Error>();
  readonly submitted: SubmitRequest[] = [];
  readonly imports: { items: CatalogItem[]; source: { file?: string } }[] = [];
  now: () => Date = () => new Date();

  #catalog: CatalogItem[] = [];
  #manifest: IndexManifest | null = null;
  readonly #jobs = new Map<string, FakeJob>();
  #nextId = 1;

  submit(request: SubmitRequest): SubmitAnswer {
    this.#maybeFail('submit');
    if (!this.#manifest) {
      throw new UserError('catalog_empty', { ru: 'Каталог не загружен: сначала импортируйте каталог.', en: 'No catalog is loaded: import a catalog first.' });
    }
    this.submitted.push(request);

    const requestId = request.requestId ?? `fake-${this.#nextId++}`;
    const createdAt = this.now().toISOString();
    const rows = request.materials.map((material, i): ResultRow => ({
      materialId: material.id,
      rowNumber: i + 1,
      originalName: material.name,
      originalUnit: material.unit,
      price: material.price ?? null,
      input: { id: material.id, name: material.name, unit: material.unit, ...(material.price == null ? {} : { price: String(material.price) }), ...material.extra },
      status: 'pending',
      sku: null,
      catalogName: null,
      catalogUnit: null,
      score: null,
      normalizedUnit: null,
      unitCoefficient: null,
      normalizedColor: null,
      candidates: [],
      reasons: [],
      errorMessage: null,
      retryCount: 0,
      processedAt: null,
      review: null,
    }));
    const job: FakeJob = {
      requestId,
      status: 'pending',
      supplier: request.supplier ?? null,
      catalogVersion: String(this.#manifest.version),
      createdAt,
      startedAt: null,
      completedAt: null,
      rows,
    };
    this.#jobs.set(requestId, job);
    if (!this.hold) this.finish(requestId);
    return { requestId, materialsCount: rows.length, estimatedCompletion: new Date(this.now().getTime() + 60_000).toISOString() };
  }

  /** Match every pending line of the request and mark it completed. */
  finish(requestId: string): void {
    const job = this.#jobs.get(requestId);
    if (!job) throw new Error(`No fake job ${requestId}`);
    job.startedAt ??= this.now().toISOString();
    for (const row of job.rows) if (row.status === 'pending') this.#match(row);
    job.status = 'completed';
    job.completedAt = this.now().toISOString();
  }

  /** Move a request's creation time, to test cleanup. */
  backdate(requestId: string, days: number): void {
    const job = this.#jobs.get(requestId);
    if (!job) throw new Error(`No fake job ${requestId}`);
    job.createdAt = new Date(this.now().getTime() - days * 86_400_000).toISOString();
  }

  #match(row: ResultRow): void {
    row.processedAt = this.now().toISOString();
    if (row.originalName.includes('СБОЙ')) {
      Object.assign(row, { status: 'failed', errorMessage: 'fake failure', score: null, candidates: [], reasons: [] });
      return;
    }

    const name = row.originalName.toLowerCase();
    const exact = this.#catalog.find((item) => item.name.toLowerCase() === name);
    if (exact) {
      const candidate = this.#candidate(exact, 0.95);
      Object.assign(row, {
        status: 'matched',
        sku: exact.sku,
        catalogName: exact.name,
        catalogUnit: exact.unit,
        score: 0.95,
        normalizedUnit: row.originalUnit,
        unitCoefficient: 1,
        candidates: [candidate],
        reasons: candidate.reasons,
        errorMessage: null,
      });
      return;
    }

    const firstWord = name.split(/\s+/)[0] ?? '';
    const similar = this.#catalog.filter((item) => item.name.toLowerCase().startsWith(firstWord)).slice(0, 3);
    if (similar.length > 0) {
      const candidates = similar.map((item, i) => this.#candidate(item, 0.6 - i * 0.05));
      Object.assign(row, {
        status: 'needs_review',
        sku: candidates[0]!.sku,
        catalogName: similar[0]!.name,
        catalogUnit: similar[0]!.unit,
        score: 0.6,
        normalizedUnit: row.originalUnit,
        unitCoefficient: null,
        candidates,
        reasons: [{ code: 'below_threshold' }],
        errorMessage: null,
      });
      return;
    }
    Object.assign(row, { status: 'no_match', sku: null, catalogName: null, catalogUnit: null, score: 0.2, candidates: [], reasons: [{ code: 'below_threshold' }], errorMessage: null });
  }

  #candidate(item: CatalogItem, score: number): Candidate {
    return { sku: item.sku, name: item.name, unit: item.unit, score, unitCoefficient: 1, reasons: [{ code: 'text_similarity', detail: score.toFixed(2) }] };
  }

  status(requestId: string): JobStatus | null {
    this.#maybeFail('status');
    const job = this.#jobs.get(requestId);
    return job ? this.#jobStatus(job) : null;
  }

  #jobStatus(job: FakeJob): JobStatus {
    const counts = countRows(job.rows);
    const finalFailed = job.rows.filter((row) => row.status === 'failed').length;
    return {
      requestId: job.requestId,
      status: job.status,
      supplier: job.supplier,
      catalogVersion: job.catalogVersion,
      total: counts.total,
      completed: counts.matched + counts.needs_review + counts.no_match + finalFailed,
      failed: finalFailed,
      pending: counts.pending + counts.processing,
      counts,
      linesPerSecond: job.status === 'completed' ? 100 : null,
      estimatedCompletion: job.status === 'completed' ? job.completedAt : new Date(this.now().getTime() + 60_000).toISOString(),
      createdAt: job.createdAt,
      startedAt: job.startedAt,
      completedAt: job.completedAt,
    };
  }

  results(requestId: string, query: ResultsQuery): ResultsPage | null {
    this.#maybeFail('results');
    const job = this.#jobs.get(requestId);
    if (!job) return null;

    const search = query.search?.toLowerCase();
    const filtered = job.rows.filter(
      (row) =>
        (query.status === undefined || row.status === query.status) &&
        (search === undefined || row.originalName.toLowerCase().includes(search)) &&
        (query.minScore === undefined || (row.score !== null && row.score >= query.minScore)) &&
        (query.maxScore === undefined || (row.score !== null && row.score <= query.maxScore)),
    );
    const start = (query.page - 1) * query.pageSize;
    return {
      requestId,
      page: query.page,
      pageSize: query.pageSize,
      totalItems: filtered.length,
      totalPages: Math.ceil(filtered.length / query.pageSize),
      summary: countRows(job.rows),
      items: filtered.slice(start, start + query.pageSize).map((row) => structuredClone(row)),
    };
  }

  listRequests(limit: number): JobStatus[] {
    return [...this.#jobs.values()]
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .slice(0, limit)
      .map((job) => this.#jobStatus(job));
  }

  statistics(): Statistics {
    this.#maybeFail('statistics');
    const rows = [...this.#jobs.values()].flatMap((job) => job.rows);
    const totals = countRows(rows);
    const requests: Record<JobState, number> = { pending: 0, running: 0, completed: 0, cancelled: 0, failed: 0 };
    for (const job of this.#jobs.values()) requests[job.status] += 1;
    const scores = rows.flatMap((row) => (row.score === null ? [] : [row.score]));
    return {
      totals,
      requests,
      meanScore: scores.length === 0 ? null : scores.reduce((sum, score) => sum + score, 0) / scores.length,
      linesPerSecond: rows.length === 0 ? null : 100,
      perDay: [{ day: this.now().toISOString().slice(0, 10), total: totals.total, matched: totals.matched, needsReview: totals.needs_review, noMatch: totals.no_match, failed: totals.failed }],
      scoreHistogram: [0, 0.5].map((from) => ({ from, to: from + 0.5, count: scores.filter((score) => score >= from && score < from + 0.5).length })),
    };
  }

  retry(requestId?: string, materialIds?: string[]): number {
    this.#maybeFail('retry');
    const ids = materialIds ? new Set(materialIds) : null;
    let count = 0;
    for (const job of this.#jobs.values()) {
      if (requestId !== undefined && job.requestId !== requestId) continue;
      for (const row of job.rows) {
        if (row.status !== 'failed' || (ids && !ids.has(row.materialId))) continue;
        row.status = 'pending';
        row.retryCount += 1;
        count += 1;
      }
    }
    return count;
  }

  cancel(requestId: string): boolean {
    const job = this.#jobs.get(requestId);
    if (!job || (job.status !== 'pending' && job.status !== 'running')) return false;
    job.status = 'cancelled';
    job.completedAt = this.now().toISOString();
    return true;
  }

  cleanup(olderThanDays: number): { requests: number; results: number } {
    this.#maybeFail('cleanup');
    const cutoff = this.now().getTime() - olderThanDays * 86_400_000;
    let requests = 0;
    let results = 0;
    for (const [id, job] of this.#jobs) {
      if (new Date(job.createdAt).getTime() >= cutoff) continue;
      this.#jobs.delete(id);
      requests += 1;
      results += job.rows.length;
    }
    return { requests, results };
  }

  async importCatalog(items: CatalogItem[], source: { file?: string }): Promise<IndexManifest> {
    this.#maybeFail('importCatalog');
    if (items.length === 0) throw new UserError('catalog_empty', { ru: 'Справочник пуст.', en: 'The catalog is empty.' });
    this.imports.push({ items, source });
    this.#catalog = items;
    this.#manifest = {
      version: (this.#manifest?.version ?? 0) + 1,
      table: 'fake',
      embedderId: 'fake-embedder',
      dimension: 8,
      itemCount: items.length,
      catalogFile: source.file ?? null,
      catalogFingerprint: null,
      createdAt: this.now().toISOString(),
    };
    return this.#manifest;
  }

  catalogInfo(): CatalogInfo {
    return { manifest: this.#manifest, itemCount: this.#catalog.length };
  }

  async searchCatalog(query: string, limit: number): Promise<CatalogSearchHit[]> {
    this.#maybeFail('searchCatalog');
    const needle = query.toLowerCase();
    return this.#catalog
      .filter((item) => item.name.toLowerCase().includes(needle))
      .slice(0, limit)
      .map((item, i) => ({ ...item, score: 1 / (i + 1) }));
  }

  review(requestId: string, materialId: string, input: ReviewInput): ResultRow[] | null {
    this.#maybeFail('review');
    const job = this.#jobs.get(requestId);
    const row = job?.rows.find((candidate) => candidate.materialId === materialId);
    if (!job || !row) return null;

    const sku = input.action === 'reject' ? null : (input.sku ?? row.sku);
    const item = sku === null ? undefined : this.#catalog.find((candidate) => candidate.sku === sku);
    if (sku !== null && !item) {
      throw new UserError('invalid_argument', { ru: `Артикула «${sku}» нет в каталоге.`, en: `SKU "${sku}" is not in the catalog.` });
    }

    const targets = input.applyToIdentical
      ? job.rows.filter((other) => other.originalName === row.originalName && other.originalUnit === row.originalUnit)
      : [row];
    const reviewedAt = this.now().toISOString();
    for (const target of targets) {
      target.status = input.action === 'reject' ? 'no_match' : 'matched';
      target.sku = sku;
      target.catalogName = item?.name ?? null;
      target.catalogUnit = item?.unit ?? null;
      target.review = { action: input.action, sku, reviewedAt };
    }
    return targets.map((target) => structuredClone(target));
  }

  health(): HealthInfo {
    this.#maybeFail('health');
    const pendingLines = [...this.#jobs.values()].flatMap((job) => job.rows).filter((row) => row.status === 'pending').length;
    const runningRequests = [...this.#jobs.values()].filter((job) => job.status === 'running').length;
    return {
      status: 'ok',
      version: '0.1.0-test',
      uptimeSeconds: 12.5,
      workers: this.settings.workers,
      catalog: this.#manifest ? { version: this.#manifest.version, itemCount: this.#manifest.itemCount } : null,
      queue: { pendingLines, runningRequests },
    };
  }

  async stop(): Promise<void> {}

  #maybeFail(method: ThrowableMethod): void {
    const error = this.failures.get(method);
    if (error) throw error;
  }
}

function countRows(rows: ResultRow[]): StatusCounts {
  const counts: StatusCounts = { pending: 0, processing: 0, matched: 0, needs_review: 0, no_match: 0, failed: 0, total: rows.length };
  for (const row of rows) counts[row.status] += 1;
  return counts;
}
