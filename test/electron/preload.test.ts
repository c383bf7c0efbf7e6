// The preload script against the fake electron module: what it exposes and which channels it calls.

import { beforeAll, describe, expect, it, vi } from 'vitest';

import { SHELL_CHANNELS } from '../../src-main/electron/shell-api.js';
import { contextBridge, ipcRenderer, resetFakeElectron } from './fake-electron.js';

vi.mock('electron', () => import('./fake-electron.js'));

type Exposed = Record<string, (...args: unknown[]) => Promise<unknown>>;

let exposed: Exposed;

beforeAll(async () => {
  resetFakeElectron();
  await import('../../src-main/electron/preload.js');
  expect(contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
  const [name, api] = contextBridge.exposeInMainWorld.mock.calls[0] as [string, Exposed];
  expect(name).toBe('mmShell');
  exposed = api;
});

describe('preload', () => {
  it('exposes exactly three functions', () => {
    expect(Object.keys(exposed).sort()).toEqual(['openFile', 'revealFile', 'saveFile']);
    for (const value of Object.values(exposed)) expect(typeof value).toBe('function');
  });

  it('openFile invokes its channel', async () => {
    ipcRenderer.invoke.mockResolvedValueOnce('/home/user/prices.xlsx');

    await expect(exposed.openFile!()).resolves.toBe('/home/user/prices.xlsx');
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(SHELL_CHANNELS.openFile);
  });

  it('saveFile passes the suggested name', async () => {
    await exposed.saveFile!('result.xlsx');

    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(SHELL_CHANNELS.saveFile, 'result.xlsx');
  });

  it('revealFile passes the path', async () => {
    await exposed.revealFile!('/home/user/result.xlsx');

    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(SHELL_CHANNELS.revealFile, '/home/user/result.xlsx');
  });

  it('uses three distinct channels', () => {
    const channels = Object.values(SHELL_CHANNELS);
    expect(new Set(channels).size).toBe(3);
  });
});
