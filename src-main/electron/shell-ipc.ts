// The main-process side of `window.mmShell`: native file dialogs and "show in folder", reachable
// only from frames on the app's origin and only with arguments that pass the checks.

import { existsSync } from 'node:fs';
import path from 'node:path';

import { BrowserWindow, dialog, type FileFilter, ipcMain, type IpcMainInvokeEvent, shell } from 'electron';
import type { Logger } from 'pino';

import { isTrustedSender } from './navigation-policy.js';
import { OPEN_FILE_EXTENSIONS, SHELL_CHANNELS } from './shell-api.js';
import { SHELL_TEXT, type ShellLanguage } from './shell-text.js';
import { parseDefaultName, parseRevealPath } from './shell-validation.js';

export interface ShellIpcOptions {
  language: ShellLanguage;
  appOrigin: () => string | null;
  logger: Logger;
}

/** Register the three handlers and return a function that removes them. */
export function registerShellHandlers(options: ShellIpcOptions): () => void {
  const text = SHELL_TEXT[options.language].dialogs;

  const guard = (channel: string, event: IpcMainInvokeEvent): void => {
    if (isTrustedSender(event.senderFrame?.url, options.appOrigin())) return;
    options.logger.warn({ event: 'ipc_sender_rejected', channel }, 'IPC call from a frame outside the app rejected');
    throw new Error(`${channel}: the calling frame is not the app's page`);
  };

  ipcMain.handle(SHELL_CHANNELS.openFile, async (event) => {
    guard(SHELL_CHANNELS.openFile, event);
    const dialogOptions = {
      title: text.openTitle,
      properties: ['openFile' as const],
      filters: [{ name: text.spreadsheets, extensions: [...OPEN_FILE_EXTENSIONS] }],
    };
    const parent = BrowserWindow.fromWebContents(event.sender);
    const answer = parent ? await dialog.showOpenDialog(parent, dialogOptions) : await dialog.showOpenDialog(dialogOptions);
    return answer.canceled ? null : (answer.filePaths[0] ?? null);
  });

  ipcMain.handle(SHELL_CHANNELS.saveFile, async (event, raw: unknown) => {
    guard(SHELL_CHANNELS.saveFile, event);
    const defaultName = parseDefaultName(raw);
    const dialogOptions = { title: text.saveTitle, defaultPath: defaultName, filters: saveFilters(defaultName, text.allFiles) };
    const parent = BrowserWindow.fromWebContents(event.sender);
    const answer = parent ? await dialog.showSaveDialog(parent, dialogOptions) : await dialog.showSaveDialog(dialogOptions);
    return answer.canceled || !answer.filePath ? null : answer.filePath;
  });

  ipcMain.handle(SHELL_CHANNELS.revealFile, (event, raw: unknown) => {
    guard(SHELL_CHANNELS.revealFile, event);
    const filePath = parseRevealPath(raw);
    if (!existsSync(filePath)) return false;
    shell.showItemInFolder(filePath);
    return true;
  });

  return () => {
    for (const channel of Object.values(SHELL_CHANNELS)) ipcMain.removeHandler(channel);
  };
}

/** Build a filter for the suggested name's extension, followed by one for all files. */
export function saveFilters(defaultName: string, allFilesLabel: string): FileFilter[] {
  const extension = path.extname(defaultName).slice(1).toLowerCase();
  const all: FileFilter = { name: allFilesLabel, extensions: ['*'] };
  return extension === '' ? [all] : [{ name: extension.toUpperCase(), extensions: [extension] }, all];
}
