// The real server over real HTTP on 127.0.0.1: `serve` as a child process with the real engine
// and worker threads. A 10,000-line batch, several batches at once, a SIGKILL in the middle of a
// job followed by a restart, and a worker thread killed in the middle of a batch.

import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import Database from 'better-sqlite3';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';

import { startRuntime } from '../../src-main/engine/app-runtime.js';
import { readCatalog } from '../../src-main/io/catalog.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const MINI_CATALOG = path.join(ROOT, 'test/fixtures/pipeline/mini-catalog.csv');
const BASE = '/api/v1/materials/process-enhanced';
const NAMES = [
  'Штукатурка гипсовая Knauf Ротбанд 30кг',
  'ГВОЗДИ КАССЕТНЫЕ TOUA 3,05х22 ММ (1000 ШТ.)',
  'Провод ПВС 3х1,5 (бухта 100м)',
  'Краска белая 10 л',
  'Неизвестный товар без аналога',
];

interface Served {
  child: ChildProcess;
  url: string;
  token: string;
  dataDir: string;
}

const cleanups: (() => void)[] = [];

afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mm-serve-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function serve(dataDir: string): Promise<Served> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src-main/cli/serve.ts', '--port', '0', '--data-dir', dataDir, '--lang', 'en'], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  cleanups.push(() => child.kill('SIGKILL'));
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${output}`)), 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running: (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${output}`)));
  });
  return { child, url, token: readFileSync(path.join(dataDir, 'api-token'), 'utf8').trim(), dataDir };
}

async function call(server: { url: string; token: string }, method: string, route: string, body?: unknown): Promise<{ status: number; json: any }> {
  const response = await fetch(`${server.url}${route}`, {
    method,
    headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json', 'accept-language': 'en' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, json: await response.json() };
}

function materials(count: number, prefix: string): { id: string; name: string; unit: string }[] {
  return Array.from({ length: count }, (_, i) => ({ id: `${prefix}${i + 1}`, name: NAMES[i % NAMES.length] ?? '', unit: 'шт' }));
}

async function importMiniCatalog(server: Served): Promise<void> {
  const items = (await readCatalog(MINI_CATALOG)).items;
  const answer = await call(server, 'POST', '/api/v1/catalog/import', { items });
  expect(answer.status).toBe(200);
}

async function waitFor(server: { url: string; token: string }, requestId: string, deadlineMs: number, until = (status: string) => status === 'completed'): Promise<any> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const answer = await call(server, 'GET', `${BASE}/status/${requestId}`);
    if (until(answer.json.status)) return answer.json;
    if (Date.now() > deadline) throw new Error(`request ${requestId} still ${answer.json.status} after ${deadlineMs} ms: ${JSON.stringify(answer.json.progress)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function rowsPerMaterial(dataDir: string, requestId: string): { total: number; distinct: number; open: number } {
  const db = new Database(path.join(dataDir, 'results.sqlite'), { readonly: true });
  try {
    return db
      .prepare(
        `SELECT count(*) AS total, count(DISTINCT material_id) AS "distinct",
                sum(processing_status IN ('pending', 'processing')) AS open
         FROM processing_results WHERE request_id = ?`,
      )
      .get(requestId) as never;
  } finally {
    db.close();
  }
}

describe('serve over HTTP', () => {
  it('completes a 10,000-line batch', async () => {
    const server = await serve(tempDir());
    await importMiniCatalog(server);

    const submitted = await call(server, 'POST', BASE, { materials: materials(10_000, 'L') });
    expect(submitted.status).toBe(202);
    expect(submitted.json.materials_count).toBe(10_000);

    const status = await waitFor(server, submitted.json.request_id, 180_000);
    expect(status.progress.total).toBe(10_000);
    expect(status.progress.completed).toBe(10_000);
    expect(status.progress.pending).toBe(0);

    const page = await call(server, 'GET', `${BASE}/results/${submitted.json.request_id}?page=100&page_size=100`);
    expect(page.json.results).toHaveLength(100);
    expect(page.json.total_items).toBe(10_000);
  });

  it('rejects 10,001 lines naming the limit', async () => {
    const server = await serve(tempDir());
    const answer = await call(server, 'POST', BASE, { materials: materials(10_001, 'X') });

    expect(answer.status).toBe(422);
    expect(answer.json.message).toContain('10000');
  });

  it('runs several batches at once', async () => {
    const server = await serve(tempDir());
    await importMiniCatalog(server);

    const answers = await Promise.all([1, 2, 3, 4].map((n) => call(server, 'POST', BASE, { materials: materials(300, `S${n}-`) })));
    for (const answer of answers) expect(answer.status).toBe(202);

    for (const answer of answers) {
      const status = await waitFor(server, answer.json.request_id, 120_000);
      expect(status.progress.completed).toBe(300);
    }
  });

  it('resumes a job after SIGKILL', async () => {
    const dataDir = tempDir();
    const first = await serve(dataDir);
    const submitted = await call(first, 'POST', BASE, { materials: materials(3_000, 'K') });
    const requestId = submitted.json.request_id as string;
    const deadline = Date.now() + 60_000;
    let done = 0;
    while (done === 0 && Date.now() < deadline) {
      done = (await call(first, 'GET', `${BASE}/status/${requestId}`)).json.progress.completed;
      if (done === 0) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(done).toBeGreaterThan(0);

    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));
    const before = rowsPerMaterial(dataDir, requestId);
    expect(before.open).toBeGreaterThan(0);

    const second = await serve(dataDir);
    const status = await waitFor(second, requestId, 180_000);
    expect(status.progress.completed).toBe(3_000);

    const after = rowsPerMaterial(dataDir, requestId);
    expect(after).toEqual({ total: 3_000, distinct: 3_000, open: 0 });
  });
});

describe('runtime with a worker killed mid-batch', () => {
  it('completes the job without losing or duplicating lines', async () => {
    const dataDir = tempDir();
    const runtime = await startRuntime({ dataDir, port: 0, staticDir: null, logger: pino({ level: 'silent' }), defaultCatalog: MINI_CATALOG });
    cleanups.push(() => void runtime.stop());
    const server = { url: runtime.url, token: runtime.token };

    const submitted = await call(server, 'POST', BASE, { materials: materials(2_000, 'W') });
    const requestId = submitted.json.request_id as string;
    await runtime.engine.pool.crashOnNextBatch();

    const status = await waitFor(server, requestId, 120_000);
    expect(status.progress.completed).toBe(2_000);
    await runtime.stop();
    expect(rowsPerMaterial(dataDir, requestId)).toEqual({ total: 2_000, distinct: 2_000, open: 0 });
  });
});
