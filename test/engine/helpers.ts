// Shared setup of the batch-engine tests: temp data folders, a catalog index built once and
// copied into each test's folder, the fixture price lines, and bounded polling.

import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import Database from 'better-sqlite3';
import pino from 'pino';

import { dataPaths } from '../../src-main/config/paths.js';
import type { EngineSettings, JobStatus, MaterialInput } from '../../src-main/engine/engine-types.js';
import { JobEngine } from '../../src-main/engine/job-engine.js';
import { readCatalog } from '../../src-main/io/catalog.js';
import { readPriceList } from '../../src-main/io/price-list.js';
import type { CatalogItem } from '../../src-worker/pipeline/types.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CATALOG_FILE = path.join(ROOT, 'test/fixtures/data/catalog.csv');
export const AZAP_FILE = path.join(ROOT, 'test/fixtures/data/raw/azap026_PyQtDesigner__1111.csv');
export const QUERIES_FILE = path.join(ROOT, 'test/fixtures/eval/queries.csv');

export const silentLogger = pino({ level: 'silent' });

/** Settings for fast tests: two workers and retries after 50 ms. */
export const TEST_SETTINGS: Partial<EngineSettings> = { workers: 2, retryDelaySeconds: 0.05 };

const FINAL_STATES = new Set(['completed', 'cancelled', 'failed']);

/** Files whose content decides the catalog index the tests build. A change to any of them makes a new template. */
const INDEX_INPUTS = [
  CATALOG_FILE,
  'src-worker/catalog',
  'src-worker/embedder',
  'src-worker/pipeline',
  'src-main/engine/catalog-cache.ts',
  'src-main/engine/embedder-choice.ts',
  'node_modules/@lancedb/lancedb/package.json',
];

function listFiles(entry: string): string[] {
  const full = path.resolve(ROOT, entry);
  if (!statSync(full).isDirectory()) return [full];
  return readdirSync(full).sort().flatMap((name) => listFiles(path.join(full, name)));
}

const TEMPLATE_PREFIX = 'materials-matcher-engine-index-';
/** Age after which a template of other code, or a build left by a killed run, is deleted. */
const STALE_TEMPLATE_MS = 10 * 60 * 1000;

function indexTemplateDir(): string {
  const hash = createHash('sha256');
  for (const file of INDEX_INPUTS.flatMap(listFiles)) hash.update(path.relative(ROOT, file)).update(readFileSync(file));
  return path.join(tmpdir(), `${TEMPLATE_PREFIX}${hash.digest('hex').slice(0, 16)}`);
}

function deleteStaleTemplates(current: string): void {
  for (const name of readdirSync(tmpdir())) {
    const dir = path.join(tmpdir(), name);
    if (!name.startsWith(TEMPLATE_PREFIX) || dir === current) continue;
    const modified = statSync(dir, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
    if (Date.now() - modified > STALE_TEMPLATE_MS) rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Build, or find, a data folder whose index contains the fixture catalog as version 1. Building takes seconds, so
 * the folder is kept in the temp directory under a hash of the catalog and the indexing code, and
 * shared by every test file and run. A new folder is built aside and renamed into place, so two
 * test processes building at once never see a half-built one. Building also deletes templates of
 * other code versions that are older than 10 minutes.
 */
async function indexTemplate(catalog: CatalogItem[]): Promise<string> {
  const template = indexTemplateDir();
  if (existsSync(path.join(dataPaths(template).indexDir, 'manifest.json'))) return template;

  deleteStaleTemplates(template);
  const building = mkdtempSync(`${template}-building-`);
  try {
    const engine = await JobEngine.start({ dataDir: building, settings: { workers: 1 }, logger: silentLogger });
    try {
      await engine.importCatalog(catalog, { file: 'catalog.csv' });
    } finally {
      await engine.stop();
    }
    renameSync(building, template);
  } catch (error) {
    if (!existsSync(path.join(dataPaths(template).indexDir, 'manifest.json'))) throw error;
  } finally {
    rmSync(building, { recursive: true, force: true });
  }
  return template;
}

export class EngineHarness {
  readonly #dirs: string[] = [];
  readonly #engines: JobEngine[] = [];
  #catalog: CatalogItem[] | null = null;

  makeDataDir(): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'materials-matcher-engine-'));
    this.#dirs.push(dir);
    return dir;
  }

  async catalogItems(): Promise<CatalogItem[]> {
    this.#catalog ??= (await readCatalog(CATALOG_FILE)).items;
    return this.#catalog;
  }

  /** Start an engine on `dataDir`. With `withCatalog`, the folder first gets a copy of the fixture catalog's index. */
  async start(dataDir: string, options: { settings?: Partial<EngineSettings>; withCatalog?: boolean } = {}): Promise<JobEngine> {
    if (options.withCatalog) {
      const template = await indexTemplate(await this.catalogItems());
      cpSync(dataPaths(template).indexDir, dataPaths(dataDir).indexDir, { recursive: true });
    }
    const engine = await JobEngine.start({ dataDir, settings: { ...TEST_SETTINGS, ...options.settings }, logger: silentLogger });
    this.#engines.push(engine);
    return engine;
  }

  /** Stop every engine started so far. stop() of a stopped engine returns at once. */
  async stopEngines(): Promise<void> {
    const engines = this.#engines.splice(0);
    await Promise.all(engines.map((engine) => engine.stop()));
  }

  /** Stop the engines and delete this harness's temp folders. The shared index template stays. */
  async dispose(): Promise<void> {
    await this.stopEngines();
    for (const dir of this.#dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  }
}

function toMaterial(line: { id: string; name: string; unit: string; price?: number }): MaterialInput {
  return { id: line.id, name: line.name, unit: line.unit, price: line.price ?? null };
}

/** Read the first `count` products of the azap026 price list (2,317 in all). All but 8 of its names appear in the catalog as they are. */
export async function azapMaterials(count: number): Promise<MaterialInput[]> {
  const { lines } = await readPriceList(AZAP_FILE);
  return lines.slice(0, count).map(toMaterial);
}

/** Read the 205 labeled supplier-style lines of the evaluation set, whose results mix matched, needs_review and no_match. */
export async function queryMaterials(): Promise<MaterialInput[]> {
  const { lines } = await readPriceList(QUERIES_FILE);
  return lines.map(toMaterial);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Poll `probe` every `intervalMs` until it returns a value other than undefined, and throw after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => T | undefined, timeoutMs: number, intervalMs = 25): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(intervalMs);
  }
}

/** Wait until the request is completed, cancelled or failed, and return that status. */
export function waitForFinalStatus(engine: JobEngine, requestId: string, timeoutMs: number): Promise<JobStatus> {
  return waitFor(
    `request ${requestId} to finish`,
    () => {
      const status = engine.status(requestId);
      return status && FINAL_STATES.has(status.status) ? status : undefined;
    },
    timeoutMs,
  );
}

/** Open the engine's SQLite file on a connection of its own, as another process would. */
export function openResultsDb(dataDir: string): Database.Database {
  const db = new Database(dataPaths(dataDir).resultsDb);
  db.pragma('busy_timeout = 5000');
  return db;
}

export interface LineRow {
  id: number;
  material_id: string;
  processing_status: string;
  sku: string | null;
  processed_at: string | null;
  retry_count: number;
  next_attempt_at: string | null;
  error_message: string | null;
}

export function readLineRows(db: Database.Database, requestId: string): LineRow[] {
  return db
    .prepare(
      `SELECT id, material_id, processing_status, sku, processed_at, retry_count, next_attempt_at, error_message
       FROM processing_results WHERE request_id = ? ORDER BY id`,
    )
    .all(requestId) as LineRow[];
}

/** Rows per status of a request, read from the SQLite file. */
export function countLinesByStatus(db: Database.Database, requestId: string): Record<string, number> {
  const rows = db
    .prepare(`SELECT processing_status AS status, count(*) AS n FROM processing_results WHERE request_id = ? GROUP BY processing_status`)
    .all(requestId) as { status: string; n: number }[];
  return Object.fromEntries(rows.map((row) => [row.status, row.n]));
}

export const FINAL_LINE_STATUSES = ['matched', 'needs_review', 'no_match', 'failed'];
