// Entry of the Electron main process. electron-vite bundles it to out/main/index.js.

import { startDesktopApp } from './desktop-app.js';

startDesktopApp();
