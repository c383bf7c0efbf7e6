// The native application menu, built from plain data so it can be checked without Electron.
// Every item has an explicit label, because Electron's built-in role labels are English only.

import type { MenuItemConstructorOptions } from 'electron';

import { SHELL_TEXT, type ShellLanguage } from './shell-text.js';

export interface MenuActions {
  openDataFolder(): void;
  openApiDocs(): void;
  showAbout(): void;
}

export interface MenuOptions {
  language: ShellLanguage;
  platform: NodeJS.Platform;
  appName: string;
  /** Show the developer tools item: true in unpackaged runs only. */
  devTools: boolean;
  actions: MenuActions;
}

export function menuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const text = SHELL_TEXT[options.language].menu;
  const isMac = options.platform === 'darwin';
  const separator: MenuItemConstructorOptions = { type: 'separator' };

  const appMenu: MenuItemConstructorOptions = {
    label: options.appName,
    submenu: [
      { label: text.about, click: () => options.actions.showAbout() },
      separator,
      { role: 'hide', label: text.hide },
      { role: 'hideOthers', label: text.hideOthers },
      { role: 'unhide', label: text.showAll },
      separator,
      { role: 'quit', label: text.quit },
    ],
  };

  const fileMenu: MenuItemConstructorOptions = {
    label: text.file,
    submenu: [
      { label: text.openDataFolder, click: () => options.actions.openDataFolder() },
      ...(isMac ? [] : [separator, { role: 'quit', label: text.quit } satisfies MenuItemConstructorOptions]),
    ],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: text.edit,
    submenu: [
      { role: 'undo', label: text.undo },
      { role: 'redo', label: text.redo },
      separator,
      { role: 'cut', label: text.cut },
      { role: 'copy', label: text.copy },
      { role: 'paste', label: text.paste },
      { role: 'selectAll', label: text.selectAll },
    ],
  };

  const viewMenu: MenuItemConstructorOptions = {
    label: text.view,
    submenu: [
      { role: 'reload', label: text.reload },
      ...(options.devTools ? [{ role: 'toggleDevTools', label: text.toggleDevTools } satisfies MenuItemConstructorOptions] : []),
      separator,
      { role: 'resetZoom', label: text.resetZoom },
      { role: 'zoomIn', label: text.zoomIn },
      { role: 'zoomOut', label: text.zoomOut },
      separator,
      { role: 'togglefullscreen', label: text.fullScreen },
    ],
  };

  const windowMenu: MenuItemConstructorOptions = {
    label: text.window,
    submenu: [
      { role: 'minimize', label: text.minimize },
      { role: 'close', label: text.close },
    ],
  };

  const helpMenu: MenuItemConstructorOptions = {
    label: text.help,
    submenu: [
      { label: text.apiDocs, click: () => options.actions.openApiDocs() },
      ...(isMac ? [] : [{ label: text.about, click: () => options.actions.showAbout() } satisfies MenuItemConstructorOptions]),
    ],
  };

  return [...(isMac ? [appMenu] : []), fileMenu, editMenu, viewMenu, windowMenu, helpMenu];
}
