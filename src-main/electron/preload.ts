// The preload script of the app window. It runs sandboxed, so it may import only `electron` and
// is bundled into one CommonJS file. It exposes three named functions and never raw ipcRenderer.

import { contextBridge, ipcRenderer } from 'electron';

import { type MmShell, SHELL_CHANNELS } from './shell-api.js';

const mmShell = {
  openFile: (): Promise<string | null> => ipcRenderer.invoke(SHELL_CHANNELS.openFile),
  saveFile: (defaultName: string): Promise<string | null> => ipcRenderer.invoke(SHELL_CHANNELS.saveFile, defaultName),
  revealFile: (filePath: string): Promise<boolean> => ipcRenderer.invoke(SHELL_CHANNELS.revealFile, filePath),
} satisfies MmShell;

contextBridge.exposeInMainWorld('mmShell', mmShell);
