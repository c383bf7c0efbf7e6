// A stand-in for the `electron` module, for `vi.mock('electron', () => import('./fake-electron.js'))`.
// It keeps what the shell does to it (windows, handlers, dialogs, menus) so tests can inspect
// and drive it. Electron itself cannot be downloaded on the development machines.

import { EventEmitter } from 'node:events';
import os from 'node:os';

import { vi } from 'vitest';

type Listener = (...args: never[]) => unknown;

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
}

export class BrowserWindow extends EventEmitter {
  static instances: BrowserWindow[] = [];

  static getAllWindows(): BrowserWindow[] {
    return BrowserWindow.instances;
  }

  static fromWebContents(contents: unknown): BrowserWindow | null {
    return BrowserWindow.instances.find((window) => window.webContents === contents) ?? null;
  }

  readonly options: Record<string, unknown>;
  readonly webContents = new FakeWebContents();
  readonly loadURL = vi.fn(async (_url: string) => undefined);
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn();
  readonly isMinimized = vi.fn(() => false);

  constructor(options: Record<string, unknown>) {
    super();
    this.options = options;
    BrowserWindow.instances.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  locales: string[] = ['ru-RU'];
  systemLocale = 'ru-RU';
  userData = os.tmpdir();
  appPath = '/opt/materials-matcher';
  hasLock = true;
  readonly requestSingleInstanceLock = vi.fn(() => this.hasLock);
  readonly enableSandbox = vi.fn();
  readonly quit = vi.fn();
  readonly exit = vi.fn();
  readonly whenReady = vi.fn(() => Promise.resolve());
  readonly getAppPath = vi.fn(() => this.appPath);
  readonly getPath = vi.fn((name: string) => (name === 'userData' ? this.userData : os.tmpdir()));
  readonly getPreferredSystemLanguages = vi.fn(() => this.locales);
  readonly getSystemLocale = vi.fn(() => this.systemLocale);
  readonly getVersion = vi.fn(() => '0.1.0');

  /** Emit `before-quit` the way Electron does and report whether a listener held the quit. */
  requestQuit(): { prevented: boolean } {
    const event = { prevented: false, preventDefault: () => (event.prevented = true) };
    this.emit('before-quit', event);
    return { prevented: event.prevented };
  }
}

export const app = new FakeApp();

class FakeIpcMain {
  readonly handlers = new Map<string, Listener>();
  readonly handle = vi.fn((channel: string, listener: Listener) => {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  });
  readonly removeHandler = vi.fn((channel: string) => this.handlers.delete(channel));
}

export const ipcMain = new FakeIpcMain();

export const dialog = {
  showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: false, filePaths: ['/home/user/prices.xlsx'] })),
  showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: false, filePath: '/home/user/result.xlsx' })),
  showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 0, checkboxChecked: false })),
  showErrorBox: vi.fn(),
};

export const shell = {
  openExternal: vi.fn(async (_url: string) => undefined),
  openPath: vi.fn(async (_path: string) => ''),
  showItemInFolder: vi.fn(),
};

class FakeSession {
  permissionRequestHandler: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
  permissionCheckHandler: ((...args: unknown[]) => boolean) | null = null;
  headersListener: ((details: { responseHeaders?: Record<string, string[]> }, callback: (response: { responseHeaders?: Record<string, string[]> }) => void) => void) | null = null;

  readonly setPermissionRequestHandler = vi.fn((handler: FakeSession['permissionRequestHandler']) => {
    this.permissionRequestHandler = handler;
  });
  readonly setPermissionCheckHandler = vi.fn((handler: FakeSession['permissionCheckHandler']) => {
    this.permissionCheckHandler = handler;
  });
  readonly webRequest = {
    onHeadersReceived: vi.fn((listener: FakeSession['headersListener']) => {
      this.headersListener = listener;
    }),
  };
}

export const session = { defaultSession: new FakeSession() };

export const Menu = {
  buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
  setApplicationMenu: vi.fn(),
};

export const contextBridge = { exposeInMainWorld: vi.fn() };

export const ipcRenderer = { invoke: vi.fn(async (..._args: unknown[]): Promise<unknown> => null) };

/** Forget everything the previous test did. */
export function resetFakeElectron(): void {
  vi.clearAllMocks();
  app.removeAllListeners();
  Object.assign(app, { isPackaged: false, locales: ['ru-RU'], systemLocale: 'ru-RU', userData: os.tmpdir(), appPath: '/opt/materials-matcher', hasLock: true });
  BrowserWindow.instances = [];
  ipcMain.handlers.clear();
  session.defaultSession = new FakeSession();
}
