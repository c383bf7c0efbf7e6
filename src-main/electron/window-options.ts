// Options of the app window. The page inside is served over local HTTP, so it gets no Node.js:
// an isolated, sandboxed renderer whose only bridge to the system is the preload's `mmShell`.

import type { BrowserWindowConstructorOptions } from 'electron';

export interface WindowInput {
  /** Absolute path of the built preload script (CommonJS, because sandboxed preloads cannot be ES modules). */
  preload: string;
  title: string;
}

export function mainWindowOptions(input: WindowInput): BrowserWindowConstructorOptions {
  return {
    width: 1360,
    height: 860,
    minWidth: 960,
    minHeight: 600,
    title: input.title,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: input.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  };
}
