// Paths of the desktop app's built files and data. They hang off Electron's app path (the repository root in an unpackaged run, `app.asar` in a packaged one) instead of this
// module's URL, because the bundler moves modules around.

import path from 'node:path';

export interface DesktopPathsInput {
  /** `app.getAppPath()`. */
  appPath: string;
  /** `process.resourcesPath`: where electron-builder's extraResources land in a packaged app. */
  resourcesPath: string;
  isPackaged: boolean;
  /** `app.getPath('userData')`. */
  userDataPath: string;
  env: NodeJS.ProcessEnv;
}

export interface DesktopPaths {
  dataDir: string;
  logFile: string;
  preload: string;
  /** The built UI that the API server serves. */
  staticDir: string;
  /** Loaded into an empty data folder so that the app can match right away. */
  demoCatalog: string;
}

export function desktopPaths(input: DesktopPathsInput): DesktopPaths {
  const dataDir = input.env.MATERIALS_MATCHER_DATA_DIR || input.userDataPath;
  const demoRoot = input.isPackaged ? path.join(input.resourcesPath, 'demo') : path.join(input.appPath, 'resources', 'demo');
  return {
    dataDir,
    logFile: path.join(dataDir, 'logs', 'desktop.log'),
    preload: path.join(input.appPath, 'out', 'preload', 'preload.cjs'),
    staticDir: path.join(input.appPath, 'out', 'renderer'),
    demoCatalog: path.join(demoRoot, 'catalog.csv'),
  };
}
