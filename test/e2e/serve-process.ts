// `serve` as a child process for the browser tests: the renderer built once, the server started
// on a free port with its own data folder, its URL read from stdout, and a stop that waits for exit.

import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const RENDERER_SOURCES = [path.join(REPO_ROOT, 'src-renderer'), path.join(REPO_ROOT, 'vite.renderer.config.ts')];
const BUILT_INDEX = path.join(REPO_ROOT, 'out/renderer/index.html');
const BUILD_LOCK = path.join(tmpdir(), `mm-e2e-renderer-build-${Buffer.from(REPO_ROOT).toString('hex').slice(-24)}.lock`);
const LOCK_WAIT_MS = 120_000;
const STALE_LOCK_MS = 180_000;
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;
const READY_LINE = /Materials Matcher работает: (http:\/\/127\.0\.0\.1:\d+)/;

export interface ServeProcess {
  url: string;
  dataDir: string;
  /** Everything the server wrote to stderr (its pino log), for failure messages. */
  stderr: () => string;
  stop: () => Promise<void>;
}

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/**
 * Run `npm run build:renderer` unless out/renderer/index.html is newer than every renderer source.
 * Test files run in parallel processes, so a lock folder lets one of them build while the others wait.
 */
export async function ensureRendererBuilt(): Promise<void> {
  if (!rendererStale()) return;

  const deadline = Date.now() + LOCK_WAIT_MS;
  while (!tryLock()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${LOCK_WAIT_MS} ms waiting for the renderer build lock ${BUILD_LOCK}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  try {
    if (rendererStale()) execFileSync('npm', ['run', 'build:renderer'], { cwd: REPO_ROOT, stdio: 'pipe' });
  } finally {
    rmSync(BUILD_LOCK, { recursive: true, force: true });
  }
}

function tryLock(): boolean {
  try {
    mkdirSync(BUILD_LOCK);
    return true;
  } catch {
    const age = Date.now() - (statSync(BUILD_LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    if (age > STALE_LOCK_MS) rmSync(BUILD_LOCK, { recursive: true, force: true });
    return false;
  }
}

function rendererStale(): boolean {
  const built = statSync(BUILT_INDEX, { throwIfNoEntry: false });
  if (!built) return true;
  return RENDERER_SOURCES.some((source) => newestChange(source) > built.mtimeMs);
}

function newestChange(entry: string): number {
  const info = statSync(entry);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const name of readdirSync(entry)) newest = Math.max(newest, newestChange(path.join(entry, name)));
  return newest;
}

/** Start `serve` with a fresh data folder (so it loads the demo catalog) and wait for its URL. */
export async function startServe(dataDir = tempDir('mm-e2e-data-')): Promise<ServeProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src-main/cli/serve.ts', '--port', '0', '--data-dir', dataDir, '--lang', 'ru'], {
    cwd: REPO_ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr += chunk;
  });

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`serve printed no URL within ${START_TIMEOUT_MS} ms. stdout: ${stdout} stderr: ${stderr}`));
    }, START_TIMEOUT_MS);
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      const found = READY_LINE.exec(stdout);
      if (found?.[1]) {
        clearTimeout(timer);
        resolve(found[1]);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`serve exited before printing its URL (code ${code}, signal ${signal}). stderr: ${stderr}`));
    });
  });

  return {
    url,
    dataDir,
    stderr: () => stderr,
    stop: () => stopChild(child),
  };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}
