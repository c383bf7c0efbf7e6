// Where the app keeps its data when the user does not name a folder.

import os from 'node:os';
import path from 'node:path';

const APP_FOLDER = 'materials-matcher';

/** Return the per-user application-data folder: %APPDATA% on Windows, Application Support on macOS, XDG on Linux. */
export function defaultDataDir(): string {
  if (process.env.MATERIALS_MATCHER_DATA_DIR) return process.env.MATERIALS_MATCHER_DATA_DIR;
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), APP_FOLDER);
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', APP_FOLDER);
  return path.join(process.env.XDG_DATA_HOME ?? path.join(os.homedir(), '.local', 'share'), APP_FOLDER);
}

export interface DataPaths {
  root: string;
  resultsDb: string;
  indexDir: string;
}

export function dataPaths(root: string): DataPaths {
  return { root, resultsDb: path.join(root, 'results.sqlite'), indexDir: path.join(root, 'sku-index') };
}
