// electron-vite build of the desktop app: the main process (with the pipeline worker), the
// sandboxed preload script and the React renderer, written to out/main, out/preload and
// out/renderer. `npm run serve` builds the same renderer with vite.renderer.config.ts.

import path from 'node:path';

import { defineConfig } from 'electron-vite';

import rendererConfig from './vite.renderer.config.js';

const root = import.meta.dirname;

/** Native modules stay in node_modules: electron-builder unpacks them from the asar archive. */
const NATIVE_MODULES = ['better-sqlite3', '@lancedb/lancedb', 'onnxruntime-node'];

export default defineConfig({
  main: {
    build: {
      externalizeDeps: true,
      rollupOptions: {
        input: {
          index: path.join(root, 'src-main/electron/main.ts'),
          'src-worker/pipeline-worker': path.join(root, 'src-worker/pipeline-worker.ts'),
        },
        external: NATIVE_MODULES,
        output: {
          // The engine finds the worker at ../../src-worker/pipeline-worker.js next to its own
          // module, so the output keeps the source layout under out/main.
          preserveModules: true,
          preserveModulesRoot: root,
        },
      },
    },
  },
  preload: {
    build: {
      externalizeDeps: false,
      rollupOptions: {
        input: { preload: path.join(root, 'src-main/electron/preload.ts') },
        // A sandboxed preload cannot be an ES module, so it is one CommonJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    ...rendererConfig,
    root: path.join(root, 'src-renderer'),
    build: {
      ...rendererConfig.build,
      outDir: path.join(root, 'out/renderer'),
      rollupOptions: { input: path.join(root, 'src-renderer/index.html') },
    },
  },
});
