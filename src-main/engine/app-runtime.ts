// Start-up shared by `npm run serve` and the Electron main process: the job engine, the demo
// catalog when none is loaded yet, and the localhost HTTP API serving the UI.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import type { Logger } from 'pino';

import { createApiServer } from '../api/server.js';
import { readCatalog } from '../io/catalog.js';
import { JobEngine } from './job-engine.js';
import type { EngineSettings } from './engine-types.js';

export interface RuntimeOptions {
  dataDir: string;
  /** 0 picks a free port. */
  port: number;
  /** Folder of the built UI, or null to serve the API only. */
  staticDir: string | null;
  logger: Logger;
  modelDir?: string | null;
  settings?: Partial<EngineSettings>;
  /** Catalog to load when the data folder has none; null to start without one. */
  defaultCatalog?: string | null;
}

export interface Runtime {
  engine: JobEngine;
  url: string;
  token: string;
  tokenFile: string;
  stop(): Promise<void>;
}

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DEMO_CATALOG = path.join(REPO_ROOT, 'resources/demo/catalog.csv');
export const BUILT_UI = path.join(REPO_ROOT, 'out/renderer');

export async function startRuntime(options: RuntimeOptions): Promise<Runtime> {
  const engine = await JobEngine.start({ dataDir: options.dataDir, settings: options.settings, modelDir: options.modelDir, logger: options.logger });

  const defaultCatalog = options.defaultCatalog === undefined ? DEMO_CATALOG : options.defaultCatalog;
  if (!engine.catalogInfo().manifest && defaultCatalog && existsSync(defaultCatalog)) {
    const catalog = await readCatalog(defaultCatalog);
    await engine.importCatalog(catalog.items, { file: path.basename(defaultCatalog) });
    options.logger.info({ event: 'default_catalog_loaded', file: defaultCatalog, items: catalog.items.length }, 'default catalog loaded');
  }

  const staticDir = options.staticDir && existsSync(path.join(options.staticDir, 'index.html')) ? options.staticDir : null;
  if (options.staticDir && !staticDir) options.logger.warn({ event: 'ui_missing', dir: options.staticDir }, 'UI build not found: run npm run build:renderer');

  const server = await createApiServer({ engine, dataDir: options.dataDir, port: options.port, host: '127.0.0.1', logger: options.logger, staticDir: staticDir ?? undefined });

  let stopped = false;
  return {
    engine,
    url: server.url,
    token: server.token,
    tokenFile: path.join(options.dataDir, 'api-token'),
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.close();
      await engine.stop();
    },
  };
}
