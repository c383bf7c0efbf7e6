// Vite build of the React renderer alone: `npm run build:renderer` writes out/renderer/, which the
// headless server (`npm run serve`) and the Electron window load.

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'src-renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    target: 'es2022',
  },
});
