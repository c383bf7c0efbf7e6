// The electron-vite build of the main process and the preload, run under plain Node with a fake
// `electron` module: the bundle's layout must let the engine find its compiled worker, the API
// must respond, and a quit must stop both. Electron itself cannot run on the development machines.

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { resolveConfig } from 'electron-vite';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = path.resolve(import.meta.dirname, '../..');
const fixtures = path.join(import.meta.dirname, 'built-app');

let appDir: string;
let userData: string;

beforeAll(async () => {
  appDir = mkdtempSync(path.join(os.tmpdir(), 'mm-built-app-'));
  userData = path.join(appDir, 'user-data');
  mkdirSync(userData);

  const resolved = await resolveConfig(
    { configFile: path.join(repo, 'electron.vite.config.ts'), root: repo, logLevel: 'warn', build: { outDir: path.join(appDir, 'out'), emptyOutDir: true } },
    'build',
    'production',
  );
  await build(resolved.config!.main!);
  await build(resolved.config!.preload!);

  writeFileSync(path.join(appDir, 'package.json'), readFileSync(path.join(repo, 'package.json')));
  symlinkSync(path.join(repo, 'node_modules'), path.join(appDir, 'node_modules'), 'dir');
  mkdirSync(path.join(appDir, 'resources', 'demo'), { recursive: true });
  const catalogLines = readFileSync(path.join(repo, 'resources/demo/catalog.csv'), 'utf8').split('\n').slice(0, 400);
  writeFileSync(path.join(appDir, 'resources/demo/catalog.csv'), catalogLines.join('\n'));
}, 120_000);

afterAll(() => {
  rmSync(appDir, { recursive: true, force: true });
});

describe('built desktop app', () => {
  it('writes the preload as one CommonJS file', () => {
    const preload = readFileSync(path.join(appDir, 'out/preload/preload.cjs'), 'utf8');

    expect(preload).toMatch(/require\("electron"\)/);
    expect(preload).not.toMatch(/^\s*import\s/m);
    expect(preload.match(/require\(/g)).toHaveLength(1);
  });

  it('matches a line and stops on quit', () => {
    const run = spawnSync(process.execPath, ['--import', path.join(fixtures, 'register.mjs'), path.join(fixtures, 'driver.mjs')], {
      cwd: appDir,
      env: { ...process.env, FAKE_APP_PATH: appDir, FAKE_USER_DATA: userData, LOG_LEVEL: 'warn' },
      encoding: 'utf8',
      timeout: 100_000,
    });
    const lastLine = run.stdout.trim().split('\n').at(-1) ?? '';
    expect(lastLine, run.stderr.slice(-2000)).toMatch(/^\{/);
    const report = JSON.parse(lastLine) as Record<string, unknown>;

    expect(report.error, run.stderr.slice(-2000)).toBeUndefined();
    expect(report.loadedUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(report.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, preload: path.join(appDir, 'out/preload/preload.cjs') });
    expect((report.health as { catalog: { item_count: number } }).catalog.item_count).toBeGreaterThan(300);
    expect(report.submitStatus).toBe(202);
    expect(report.jobStatus).toBe('completed');
    expect(report.quitCalls).toBe(2);
    expect(report.serverStillUp).toBe(false);
  }, 120_000);
});
