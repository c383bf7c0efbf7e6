// `npm run bench`: a 10,000-line price list against a catalog of at least 50,000 SKUs, end to end
// through the localhost API of a `serve` process. Prints catalog indexing time, lines per second,
// p50/p95 latency of status and results calls during the run and the server's peak memory, and
// writes them to BENCHMARKS.md. Every request goes to 127.0.0.1 only and the run is bounded in time.

import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { readCatalog } from '../src-main/io/catalog.js';
import { buildLargeCatalog, buildPriceList } from './bench-data.js';

const { values } = parseArgs({
  options: {
    catalog: { type: 'string', default: 'resources/demo/catalog.csv' },
    skus: { type: 'string', default: '50000' },
    lines: { type: 'string', default: '10000' },
    workers: { type: 'string' },
    'no-write': { type: 'boolean', default: false },
  },
});

const CATALOG_SIZE = Number(values.skus);
const LINES = Number(values.lines);
const RUN_DEADLINE_MS = 15 * 60 * 1000;
const POLL_MS = 250;

interface Server {
  url: string;
  token: string;
  pid: number;
  stop(): Promise<void>;
}

async function startServer(dataDir: string): Promise<Server> {
  // Node itself with tsx's loader, so the child's pid is the server's and its memory can be read.
  const args = ['--import', 'tsx', 'src-main/cli/serve.ts', '--port', '0', '--data-dir', dataDir, '--lang', 'en'];
  if (values.workers) args.push('--workers', values.workers);
  const child = spawn(process.execPath, args, { env: { ...process.env, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'inherit'] });

  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`serve did not start in 120 s; output: ${output}`)), 120_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running: (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${output}`)));
  });
  const token = (await readFile(path.join(dataDir, 'api-token'), 'utf8')).trim();
  return {
    url,
    token,
    pid: child.pid ?? 0,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function call(server: Server, method: string, route: string, body?: unknown): Promise<{ status: number; json: unknown; ms: number }> {
  const started = performance.now();
  const response = await fetch(`${server.url}${route}`, {
    method,
    headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json', 'accept-language': 'en' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await response.json()) as unknown;
  return { status: response.status, json, ms: performance.now() - started };
}

/** Peak resident memory of a process (VmHWM), in MiB; Linux only, null elsewhere. */
async function peakMemoryMiB(pid: number): Promise<number | null> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const match = /VmHWM:\s+(\d+) kB/.exec(status);
    return match?.[1] ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0;
}

async function main(): Promise<void> {
  const real = (await readCatalog(values.catalog ?? 'resources/demo/catalog.csv')).items;
  const catalog = buildLargeCatalog(real, CATALOG_SIZE);
  const lines = buildPriceList(catalog, LINES);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'mm-bench-'));
  const server = await startServer(dataDir);

  try {
    const importStarted = performance.now();
    const imported = await call(server, 'POST', '/api/v1/catalog/import', { items: catalog.map(({ sku, name, unit, category }) => ({ sku, name, unit, category: category ?? '' })) });
    const indexSeconds = (performance.now() - importStarted) / 1000;
    if (imported.status >= 300) throw new Error(`catalog import failed: ${imported.status} ${JSON.stringify(imported.json)}`);

    const runStarted = performance.now();
    const submitted = await call(server, 'POST', '/api/v1/materials/process-enhanced', { materials: lines });
    if (submitted.status !== 202) throw new Error(`submit failed: ${submitted.status} ${JSON.stringify(submitted.json)}`);
    const requestId = (submitted.json as { request_id: string }).request_id;

    const statusTimes: number[] = [];
    const resultTimes: number[] = [];
    let status = '';
    while (performance.now() - runStarted < RUN_DEADLINE_MS) {
      const answer = await call(server, 'GET', `/api/v1/materials/process-enhanced/status/${requestId}`);
      statusTimes.push(answer.ms);
      status = (answer.json as { status: string }).status;
      const page = await call(server, 'GET', `/api/v1/materials/process-enhanced/results/${requestId}?page=1&page_size=100`);
      resultTimes.push(page.ms);
      if (status === 'completed' || status === 'failed' || status === 'cancelled') break;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    const runSeconds = (performance.now() - runStarted) / 1000;
    const final = (await call(server, 'GET', `/api/v1/materials/process-enhanced/status/${requestId}`)).json as { counts_by_status?: Record<string, number> };
    const memory = await peakMemoryMiB(server.pid);

    const figures = {
      catalogItems: catalog.length,
      lines: lines.length,
      indexSeconds,
      runSeconds,
      linesPerSecond: lines.length / runSeconds,
      status,
      statusP50: percentile(statusTimes, 0.5),
      statusP95: percentile(statusTimes, 0.95),
      resultsP50: percentile(resultTimes, 0.5),
      resultsP95: percentile(resultTimes, 0.95),
      polls: statusTimes.length,
      peakMemoryMiB: memory,
      counts: final.counts_by_status ?? {},
    };
    process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
    if (!values['no-write']) await writeBenchmarks(figures);
  } finally {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function writeBenchmarks(figures: Record<string, unknown> & { counts: Record<string, number> }): Promise<void> {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const format = (value: unknown, digits = 1): string => (typeof value === 'number' ? value.toFixed(digits) : String(value));
  const text = `# Benchmarks

Figures from \`npm run bench\` (scripts/bench.ts), written by the script itself on its last run.

- Date: ${new Date().toISOString().slice(0, 10)}
- Machine: ${os.cpus().length} cores (${cpu}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}
- Command: \`npm run bench\` (defaults: \`--skus ${CATALOG_SIZE} --lines ${LINES}\`${values.workers ? ` --workers ${values.workers}` : ''})
- Embedder: the built-in hashing embedder; default engine settings (batches of 50, workers = cores − 1, at least 1)

The catalog is the demo catalog (3,769 real items) plus variants of its names with other sizes,
packs and colors (\`SYN-…\` SKUs) up to ${CATALOG_SIZE} items. The price list holds supplier-style rewrites of
catalog names (upper case, glued units, swapped words, a transposed letter) and one line in ten
with no catalog item. Both are built by scripts/bench-data.ts with a fixed seed.

| figure | value | target |
|---|---|---|
| catalog items | ${figures.catalogItems} | ≥ 50,000 |
| catalog import and indexing through the API | ${format(figures.indexSeconds)} s | < 60 s |
| price-list lines | ${figures.lines} | 10,000 |
| end to end, submit to completed | ${format(figures.runSeconds)} s | < 20 s |
| lines per second | ${format(figures.linesPerSecond, 0)} | ≥ 500 |
| status call latency p50 / p95 during the run | ${format(figures.statusP50)} / ${format(figures.statusP95)} ms | |
| results page (100 lines) latency p50 / p95 during the run | ${format(figures.resultsP50)} / ${format(figures.resultsP95)} ms | |
| peak resident memory of the server process | ${figures.peakMemoryMiB === null ? 'n/a' : `${format(figures.peakMemoryMiB, 0)} MiB`} | |
| final status | ${figures.status} | completed |
| lines by status | ${Object.entries(figures.counts).filter(([, n]) => n > 0).map(([status, n]) => `${status} ${n}`).join(', ')} | |
`;
  const existing = await readFile('BENCHMARKS.md', 'utf8').catch(() => '');
  const notes = existing.includes('\n## Notes') ? existing.slice(existing.indexOf('\n## Notes')) : '';
  await writeFile('BENCHMARKS.md', text + notes);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
