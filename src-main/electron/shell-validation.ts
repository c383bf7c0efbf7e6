// Runtime checks of what the renderer sends over the shell's IPC channels. The renderer shows a
// page served over HTTP, so its arguments are untrusted input whatever the TypeScript types declare.

import path from 'node:path';

/** PATH_MAX on Linux, and far above the classic Windows MAX_PATH of 260. */
export const MAX_PATH_LENGTH = 4096;
/** NAME_MAX on common file systems (ext4, NTFS, APFS). */
export const MAX_FILE_NAME_LENGTH = 255;

export class ShellInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ShellInputError';
  }
}

/** Check the suggested name of saveFile: a file name of at most MAX_FILE_NAME_LENGTH characters, without folders. */
export function parseDefaultName(value: unknown): string {
  const name = requiredText(value, 'defaultName', MAX_FILE_NAME_LENGTH);
  if (/[/\\]/.test(name) || name === '.' || name === '..') {
    throw new ShellInputError(`defaultName must be a file name without folders, got "${name}"`);
  }
  return name;
}

/** Check the path of revealFile: an absolute path of at most MAX_PATH_LENGTH characters. */
export function parseRevealPath(value: unknown): string {
  const filePath = requiredText(value, 'filePath', MAX_PATH_LENGTH);
  if (!path.isAbsolute(filePath)) throw new ShellInputError(`filePath must be an absolute path, got "${filePath}"`);
  return filePath;
}

function requiredText(value: unknown, name: string, maxLength: number): string {
  if (typeof value !== 'string') throw new ShellInputError(`${name} must be a string, got ${value === null ? 'null' : typeof value}`);
  if (value.length === 0 || value.length > maxLength) {
    throw new ShellInputError(`${name} must have 1 to ${maxLength} characters, got ${value.length}`);
  }
  if (value.includes('\0')) throw new ShellInputError(`${name} must not contain NUL characters`);
  return value;
}
