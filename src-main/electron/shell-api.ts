// The contract between the preload script and the main process: the IPC channel names and the
// `window.mmShell` API that the renderer calls. The renderer imports it with `import type`, and
// the preload and the main process also import the channel names.

export const SHELL_CHANNELS = {
  openFile: 'mm-shell:open-file',
  saveFile: 'mm-shell:save-file',
  revealFile: 'mm-shell:reveal-file',
} as const;

/** Extensions in the open dialog's filter. */
export const OPEN_FILE_EXTENSIONS = ['xlsx', 'xls', 'ods', 'csv'] as const;

/** The API the preload exposes as `window.mmShell` in the desktop app. A plain browser has none. */
export interface MmShell {
  /** Ask the user for a spreadsheet to open. Resolves to its absolute path, or null when cancelled. */
  openFile(): Promise<string | null>;
  /**
   * Ask the user where to save a file. `defaultName` is the suggested file name without folders,
   * such as `result.xlsx`, and its extension picks the filter. Resolves to the absolute path, or
   * null when cancelled.
   */
  saveFile(defaultName: string): Promise<string | null>;
  /** Show the file in the system file manager. Resolves to false when the file does not exist. */
  revealFile(filePath: string): Promise<boolean>;
}
