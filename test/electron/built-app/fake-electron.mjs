// The part of the `electron` module the built main process touches, for running out/main/index.js
// under plain Node. The app path and userData come from FAKE_APP_PATH and FAKE_USER_DATA.
import { EventEmitter } from 'node:events';

class FakeApp extends EventEmitter {
  isPackaged = false;
  requestSingleInstanceLock = () => true;
  enableSandbox = () => undefined;
  getAppPath = () => process.env.FAKE_APP_PATH;
  getPath = () => process.env.FAKE_USER_DATA;
  getPreferredSystemLanguages = () => ['en-US'];
  getSystemLocale = () => 'en-US';
  getVersion = () => '0.0.0-test';
  whenReady = () => Promise.resolve();
  quitCalls = 0;

  quit = () => {
    this.quitCalls += 1;
    const event = { prevented: false, preventDefault: () => (event.prevented = true) };
    this.emit('before-quit', event);
    if (!event.prevented) this.emit('fake-quit-done');
  };

  exit = (code) => this.emit('fake-exit', code);
}

export const app = new FakeApp();

export class BrowserWindow extends EventEmitter {
  static windows = [];
  static getAllWindows = () => BrowserWindow.windows;
  static fromWebContents = () => null;

  constructor(options) {
    super();
    this.options = options;
    this.webContents = new EventEmitter();
    this.webContents.setWindowOpenHandler = () => undefined;
    BrowserWindow.windows.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }

  async loadURL(url) {
    app.emit('fake-load-url', url, this.options);
  }

  show() {}
}

export const ipcMain = { handle: () => undefined, removeHandler: () => undefined };
export const dialog = { showErrorBox: (title, message) => app.emit('fake-error-box', title, message) };
export const shell = {};
export const Menu = { buildFromTemplate: (template) => template, setApplicationMenu: () => undefined };
export const session = {
  defaultSession: {
    setPermissionRequestHandler: () => undefined,
    setPermissionCheckHandler: () => undefined,
    webRequest: { onHeadersReceived: () => undefined },
  },
};
