// The desktop app's lifecycle. One instance runs per user. It starts the shared runtime (the job
// engine and the localhost API serving the UI) on a free port and opens one secured window on the
// API's address. Quitting waits for the engine to park its batches.

import { app, BrowserWindow, dialog, Menu, session, shell } from 'electron';
import type { Logger } from 'pino';

import { type Runtime, startRuntime } from '../engine/app-runtime.js';
import { UserError } from '../errors.js';
import { createDesktopLogger } from './desktop-logger.js';
import { type DesktopPaths, desktopPaths } from './desktop-paths.js';
import { menuTemplate } from './menu-template.js';
import { originOf } from './navigation-policy.js';
import { createQuitGuard } from './quit-guard.js';
import { registerShellHandlers } from './shell-ipc.js';
import { SHELL_TEXT, type ShellLanguage, shellLanguage } from './shell-text.js';
import { mainWindowOptions } from './window-options.js';
import { openExternally, secureSession, secureWebContents } from './window-security.js';

const APP_TITLE = 'Materials Matcher';
const API_DOCS_PATH = '/docs';

interface DesktopState {
  language: ShellLanguage;
  paths: DesktopPaths;
  logger: Logger;
  runtime: Runtime | null;
  window: BrowserWindow | null;
}

/** Start the desktop app, or quit at once when another instance already runs. */
export function startDesktopApp(): void {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.enableSandbox();

  const paths = desktopPaths({
    appPath: app.getAppPath(),
    resourcesPath: process.resourcesPath,
    isPackaged: app.isPackaged,
    userDataPath: app.getPath('userData'),
    env: process.env,
  });
  const state: DesktopState = {
    language: shellLanguage([...app.getPreferredSystemLanguages(), app.getSystemLocale()]),
    paths,
    logger: createDesktopLogger(paths.logFile),
    runtime: null,
    window: null,
  };
  const appOrigin = (): string | null => (state.runtime ? originOf(state.runtime.url) : null);

  const starting = app.whenReady().then(() => launch(state, appOrigin));
  const quitGuard = createQuitGuard({
    stop: async () => {
      const runtime = await starting.catch(() => null);
      await runtime?.stop();
    },
    quit: () => app.quit(),
    onError: (error) => state.logger.error({ event: 'stop_failed', error: String(error) }, 'runtime did not stop cleanly'),
  });

  app.on('second-instance', () => focusWindow(state.window));
  app.on('web-contents-created', (_event, contents) => secureWebContents(contents, appOrigin, state.logger));
  app.on('before-quit', (event) => quitGuard.handleBeforeQuit(event));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (state.runtime && BrowserWindow.getAllWindows().length === 0) openWindow(state);
  });

  starting.catch((error: unknown) => failStartup(state, error));
}

async function launch(state: DesktopState, appOrigin: () => string | null): Promise<Runtime> {
  secureSession(session.defaultSession);
  registerShellHandlers({ language: state.language, appOrigin, logger: state.logger });
  Menu.setApplicationMenu(Menu.buildFromTemplate(applicationMenu(state)));

  state.logger.info({ event: 'desktop_starting', dataDir: state.paths.dataDir, version: app.getVersion() }, 'desktop app starting');
  state.runtime = await startRuntime({
    dataDir: state.paths.dataDir,
    port: 0,
    staticDir: state.paths.staticDir,
    logger: state.logger,
    defaultCatalog: state.paths.demoCatalog,
  });

  openWindow(state);
  return state.runtime;
}

function openWindow(state: DesktopState): void {
  const runtime = state.runtime;
  if (!runtime) return;

  const window = new BrowserWindow(mainWindowOptions({ preload: state.paths.preload, title: APP_TITLE }));
  state.window = window;
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (state.window === window) state.window = null;
  });

  window.loadURL(`${runtime.url}/`).catch((error: unknown) => {
    state.logger.error({ event: 'window_load_failed', error: String(error) }, 'app window could not load the UI');
  });
}

function applicationMenu(state: DesktopState): Electron.MenuItemConstructorOptions[] {
  return menuTemplate({
    language: state.language,
    platform: process.platform,
    appName: APP_TITLE,
    devTools: !app.isPackaged,
    actions: {
      openDataFolder: () => {
        shell.openPath(state.paths.dataDir).catch((error: unknown) => {
          state.logger.warn({ event: 'open_data_folder_failed', error: String(error) }, 'data folder could not be opened');
        });
      },
      openApiDocs: () => {
        if (state.runtime) openExternally(`${state.runtime.url}${API_DOCS_PATH}`, state.logger);
      },
      showAbout: () => {
        const text = SHELL_TEXT[state.language].dialogs;
        const options = { type: 'info' as const, title: APP_TITLE, message: APP_TITLE, detail: text.aboutDetail(app.getVersion(), state.paths.dataDir) };
        const messageBox = state.window ? dialog.showMessageBox(state.window, options) : dialog.showMessageBox(options);
        messageBox.catch(() => undefined);
      },
    },
  });
}

function focusWindow(window: BrowserWindow | null): void {
  if (!window) return;
  if (window.isMinimized()) window.restore();
  window.focus();
}

/** Show why the app could not start, with the data folder, and exit with code 1. */
function failStartup(state: DesktopState, error: unknown): void {
  const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
  state.logger.error({ event: 'desktop_start_failed', error: stack }, 'desktop app failed to start');

  const text = SHELL_TEXT[state.language].startupFailed;
  dialog.showErrorBox(text.title, text.message(errorReason(error, state.language), state.paths.dataDir));
  app.exit(1);
}

function errorReason(error: unknown, language: ShellLanguage): string {
  if (error instanceof UserError) return error.format(language);
  if (error instanceof Error) return error.message;
  return String(error);
}
