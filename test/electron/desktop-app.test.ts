// The desktop shell's lifecycle against the fake electron module and a stub runtime.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { startRuntime } from '../../src-main/engine/app-runtime.js';
import { UserError } from '../../src-main/errors.js';
import { startDesktopApp } from '../../src-main/electron/desktop-app.js';
import { SHELL_CHANNELS } from '../../src-main/electron/shell-api.js';
import { app, BrowserWindow, dialog, ipcMain, Menu, resetFakeElectron, session, shell } from './fake-electron.js';

vi.mock('electron', () => import('./fake-electron.js'));
vi.mock('../../src-main/engine/app-runtime.js', () => ({ startRuntime: vi.fn() }));
vi.mock('../../src-main/electron/desktop-logger.js', () => ({ createDesktopLogger: () => pino({ level: 'silent' }) }));

const APP_URL = 'http://127.0.0.1:43117';

interface StubRuntime {
  url: string;
  stop: ReturnType<typeof vi.fn>;
}

let userData: string;
let runtime: StubRuntime;

beforeEach(() => {
  resetFakeElectron();
  userData = mkdtempSync(path.join(os.tmpdir(), 'mm-desktop-'));
  app.userData = userData;
  runtime = { url: APP_URL, stop: vi.fn(async () => undefined) };
  vi.mocked(startRuntime).mockReset();
  vi.mocked(startRuntime).mockResolvedValue(runtime as never);
});

afterEach(() => {
  rmSync(userData, { recursive: true, force: true });
});

async function startedWindow(): Promise<BrowserWindow> {
  startDesktopApp();
  await vi.waitFor(() => expect(BrowserWindow.instances).toHaveLength(1));
  return BrowserWindow.instances[0]!;
}

function navigationEvent(url: string): { url: string; preventDefault: ReturnType<typeof vi.fn> } {
  return { url, preventDefault: vi.fn() };
}

function ipcEvent(window: BrowserWindow, frameUrl: string | null = `${APP_URL}/`): unknown {
  return { sender: window.webContents, senderFrame: frameUrl === null ? null : { url: frameUrl } };
}

async function invoke(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
  const handler = ipcMain.handlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return (handler as (...values: unknown[]) => unknown)(event, ...args);
}

describe('start-up', () => {
  it('starts the runtime on port 0 in userData', async () => {
    await startedWindow();

    expect(startRuntime).toHaveBeenCalledTimes(1);
    const options = vi.mocked(startRuntime).mock.calls[0]![0];
    expect(options.port).toBe(0);
    expect(options.dataDir).toBe(userData);
    expect(options.staticDir).toBe(path.join('/opt/materials-matcher', 'out', 'renderer'));
    expect(options.defaultCatalog).toBe(path.join('/opt/materials-matcher', 'resources', 'demo', 'catalog.csv'));
    expect(app.enableSandbox).toHaveBeenCalledTimes(1);
  });

  it('creates the window with secure webPreferences', async () => {
    const window = await startedWindow();

    const preferences = window.options.webPreferences as Record<string, unknown>;
    expect(preferences.contextIsolation).toBe(true);
    expect(preferences.sandbox).toBe(true);
    expect(preferences.nodeIntegration).toBe(false);
    expect(preferences.webSecurity).toBe(true);
    expect(preferences.webviewTag).toBe(false);
    expect(preferences.preload).toBe(path.join('/opt/materials-matcher', 'out', 'preload', 'preload.cjs'));
  });

  it('loads the runtime URL', async () => {
    const window = await startedWindow();

    expect(window.loadURL).toHaveBeenCalledWith(`${APP_URL}/`);
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledTimes(1);
  });

  it('quits when another instance holds the lock', () => {
    app.hasLock = false;

    startDesktopApp();

    expect(app.quit).toHaveBeenCalledTimes(1);
    expect(app.whenReady).not.toHaveBeenCalled();
    expect(startRuntime).not.toHaveBeenCalled();
  });

  it('focuses the window on a second instance', async () => {
    const window = await startedWindow();
    window.isMinimized.mockReturnValue(true);

    app.emit('second-instance');

    expect(window.restore).toHaveBeenCalledTimes(1);
    expect(window.focus).toHaveBeenCalledTimes(1);
  });

  it('takes the data folder from MATERIALS_MATCHER_DATA_DIR', async () => {
    vi.stubEnv('MATERIALS_MATCHER_DATA_DIR', path.join(userData, 'custom'));
    try {
      await startedWindow();
    } finally {
      vi.unstubAllEnvs();
    }

    expect(vi.mocked(startRuntime).mock.calls[0]![0].dataDir).toBe(path.join(userData, 'custom'));
  });

  it('reports a failed start and exits', async () => {
    vi.mocked(startRuntime).mockRejectedValue(
      new UserError('invalid_argument', { ru: 'Папка данных занята.', en: 'The data folder is busy.' }),
    );

    startDesktopApp();
    await vi.waitFor(() => expect(app.exit).toHaveBeenCalledWith(1));

    expect(dialog.showErrorBox).toHaveBeenCalledTimes(1);
    const [title, message] = dialog.showErrorBox.mock.calls[0] as [string, string];
    expect(title).toBe('Materials Matcher не запустился');
    expect(message).toContain('Папка данных занята.');
    expect(message).toContain(userData);
    expect(BrowserWindow.instances).toHaveLength(0);
  });
});

describe('navigation', () => {
  it('allows navigation inside the app origin', async () => {
    const window = await startedWindow();
    const event = navigationEvent(`${APP_URL}/requests/1`);

    window.webContents.emit('will-navigate', event);

    expect(event.preventDefault).not.toHaveBeenCalled();
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('sends foreign web pages to the browser', async () => {
    const window = await startedWindow();
    const event = navigationEvent('https://example.com/catalog');

    window.webContents.emit('will-navigate', event);

    expect(event.preventDefault).toHaveBeenCalledTimes(1);
    expect(shell.openExternal).toHaveBeenCalledWith('https://example.com/catalog');
  });

  it('blocks other ports of localhost', async () => {
    const window = await startedWindow();
    const event = navigationEvent('http://127.0.0.1:8080/');

    window.webContents.emit('will-navigate', event);

    expect(event.preventDefault).toHaveBeenCalledTimes(1);
  });

  it('never opens non-web schemes', async () => {
    const window = await startedWindow();

    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://server/share', 'ms-msdt:/id', 'not a url']) {
      const event = navigationEvent(url);
      window.webContents.emit('will-navigate', event);
      expect(event.preventDefault, url).toHaveBeenCalledTimes(1);
    }
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('blocks redirects away from the app', async () => {
    const window = await startedWindow();
    const event = navigationEvent('https://example.com/');

    window.webContents.emit('will-redirect', event);

    expect(event.preventDefault).toHaveBeenCalledTimes(1);
  });

  it('denies new windows and opens web links externally', async () => {
    const window = await startedWindow();
    const handler = window.webContents.windowOpenHandler!;

    expect(handler({ url: 'https://example.com/help' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'file:///C:/Windows/System32/calc.exe' })).toEqual({ action: 'deny' });
    expect(handler({ url: `${APP_URL}/docs` })).toEqual({ action: 'deny' });

    expect(shell.openExternal.mock.calls.map((call) => call[0])).toEqual(['https://example.com/help', `${APP_URL}/docs`]);
  });

  it('refuses webviews', async () => {
    const window = await startedWindow();
    const event = { preventDefault: vi.fn() };

    window.webContents.emit('will-attach-webview', event, {}, {});

    expect(event.preventDefault).toHaveBeenCalledTimes(1);
  });
});

describe('session', () => {
  it('denies permission requests and checks', async () => {
    await startedWindow();
    const current = session.defaultSession;
    const callback = vi.fn();

    current.permissionRequestHandler!({}, 'media', callback);

    expect(callback).toHaveBeenCalledWith(false);
    expect(current.permissionCheckHandler!({}, 'geolocation', `${APP_URL}/`, {})).toBe(false);
  });

  it('adds the CSP header to responses', async () => {
    await startedWindow();
    const callback = vi.fn();

    session.defaultSession.headersListener!({ responseHeaders: { 'Content-Type': ['text/html'] } }, callback);

    const headers = callback.mock.calls[0]![0].responseHeaders as Record<string, string[]>;
    expect(headers['Content-Type']).toEqual(['text/html']);
    expect(headers['Content-Security-Policy']).toHaveLength(1);
    expect(headers['Content-Security-Policy']![0]).toContain("script-src 'self'");
  });
});

describe('shell IPC', () => {
  it('registers the three channels', async () => {
    await startedWindow();

    expect([...ipcMain.handlers.keys()].sort()).toEqual(Object.values(SHELL_CHANNELS).sort());
  });

  it('opens the dialog with spreadsheet filters', async () => {
    const window = await startedWindow();

    const chosen = await invoke(SHELL_CHANNELS.openFile, ipcEvent(window));

    expect(chosen).toBe('/home/user/prices.xlsx');
    expect(dialog.showOpenDialog).toHaveBeenCalledTimes(1);
    const [parent, options] = dialog.showOpenDialog.mock.calls[0] as [unknown, { properties: string[]; filters: { extensions: string[] }[] }];
    expect(parent).toBe(window);
    expect(options.properties).toEqual(['openFile']);
    expect(options.filters[0]!.extensions).toEqual(['xlsx', 'xls', 'ods', 'csv']);
  });

  it('returns null when the open dialog is cancelled', async () => {
    const window = await startedWindow();
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });

    expect(await invoke(SHELL_CHANNELS.openFile, ipcEvent(window))).toBeNull();
  });

  it('saves with the suggested name', async () => {
    const window = await startedWindow();

    const chosen = await invoke(SHELL_CHANNELS.saveFile, ipcEvent(window), 'result.xlsx');

    expect(chosen).toBe('/home/user/result.xlsx');
    const [, options] = dialog.showSaveDialog.mock.calls[0] as [unknown, { defaultPath: string; filters: { extensions: string[] }[] }];
    expect(options.defaultPath).toBe('result.xlsx');
    expect(options.filters[0]!.extensions).toEqual(['xlsx']);
  });

  it('rejects invalid save names', async () => {
    const window = await startedWindow();

    for (const value of [undefined, 42, { defaultName: 'a.xlsx' }, '', '../result.xlsx', '/tmp/result.xlsx', 'C:\\result.xlsx', 'a\0.xlsx', `${'a'.repeat(300)}.xlsx`]) {
      await expect(invoke(SHELL_CHANNELS.saveFile, ipcEvent(window), value), String(value)).rejects.toThrow(/defaultName/);
    }
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it('reveals an existing file', async () => {
    const window = await startedWindow();
    const file = path.join(userData, 'result.xlsx');
    writeFileSync(file, 'x');

    expect(await invoke(SHELL_CHANNELS.revealFile, ipcEvent(window), file)).toBe(true);
    expect(shell.showItemInFolder).toHaveBeenCalledWith(file);
  });

  it('returns false for a missing file', async () => {
    const window = await startedWindow();

    expect(await invoke(SHELL_CHANNELS.revealFile, ipcEvent(window), path.join(userData, 'missing.xlsx'))).toBe(false);
    expect(shell.showItemInFolder).not.toHaveBeenCalled();
  });

  it('rejects invalid reveal paths', async () => {
    const window = await startedWindow();

    for (const value of [null, 7, ['/tmp/a'], 'relative/result.xlsx', `/${'a'.repeat(5000)}`]) {
      await expect(invoke(SHELL_CHANNELS.revealFile, ipcEvent(window), value), String(value)).rejects.toThrow(/filePath/);
    }
    expect(shell.showItemInFolder).not.toHaveBeenCalled();
  });

  it('rejects calls from foreign frames', async () => {
    const window = await startedWindow();

    for (const frameUrl of ['https://example.com/', 'http://127.0.0.1:9999/', null]) {
      await expect(invoke(SHELL_CHANNELS.openFile, ipcEvent(window, frameUrl))).rejects.toThrow(/not the app's page/);
    }
    expect(dialog.showOpenDialog).not.toHaveBeenCalled();
  });
});

describe('menu', () => {
  function menuLabels(): string[] {
    const template = Menu.buildFromTemplate.mock.calls[0]![0] as { label?: string }[];
    return template.map((item) => item.label ?? '');
  }

  it('is Russian for a Russian locale', async () => {
    await startedWindow();

    expect(Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
    expect(menuLabels()).toEqual(expect.arrayContaining(['Файл', 'Правка', 'Вид', 'Окно', 'Справка']));
  });

  it('is English for other locales', async () => {
    app.locales = ['de-DE', 'ru-RU'];
    app.systemLocale = 'de-DE';

    await startedWindow();

    expect(menuLabels()).toEqual(expect.arrayContaining(['File', 'Edit', 'View', 'Window', 'Help']));
  });
});

describe('quit', () => {
  it('stops the runtime once, then quits', async () => {
    await startedWindow();

    let finishStop: () => void = () => undefined;
    runtime.stop.mockImplementation(() => new Promise<void>((resolve) => (finishStop = resolve)));

    expect(app.requestQuit().prevented).toBe(true);
    expect(app.requestQuit().prevented).toBe(true);
    await vi.waitFor(() => expect(runtime.stop).toHaveBeenCalledTimes(1));
    expect(app.quit).not.toHaveBeenCalled();

    finishStop();
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledTimes(1));
    expect(app.requestQuit().prevented).toBe(false);
    expect(runtime.stop).toHaveBeenCalledTimes(1);
  });

  it('quits even when stopping fails', async () => {
    await startedWindow();
    runtime.stop.mockRejectedValue(new Error('disk full'));

    app.requestQuit();

    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledTimes(1));
    expect(app.requestQuit().prevented).toBe(false);
  });

  it('quits when all windows close outside macOS', async () => {
    const window = await startedWindow();
    window.emit('closed');

    app.emit('window-all-closed');

    if (process.platform === 'darwin') expect(app.quit).not.toHaveBeenCalled();
    else expect(app.quit).toHaveBeenCalledTimes(1);
  });
});
