// Errors of the SQLite results store. The ones a user can act on are UserErrors, so the CLI and
// the UI show them like any other bad-file error.

import { UserError, type LocalizedText } from '../errors.js';

/** The database was written by a newer version of the app, so this version must not change it. */
export class DatabaseTooNewError extends UserError {
  readonly foundVersion: number;
  readonly knownVersion: number;

  // NOTE: UserErrorCode has no code for this case yet, so it reuses 'file_unreadable'.
  constructor(file: string, foundVersion: number, knownVersion: number) {
    super(
      'file_unreadable',
      {
        ru: `База данных создана более новой версией программы (версия схемы ${foundVersion}, эта версия программы знает до ${knownVersion}). Обновите программу или укажите другой файл базы.`,
        en: `The database was created by a newer version of the app (schema version ${foundVersion}, this version knows up to ${knownVersion}). Update the app or use another database file.`,
      },
      { file },
    );
    this.name = 'DatabaseTooNewError';
    this.foundVersion = foundVersion;
    this.knownVersion = knownVersion;
  }
}

/** The file exists but is not a SQLite database of this app, or SQLite cannot open it. */
export class DatabaseUnreadableError extends UserError {
  constructor(file: string, reason: LocalizedText, options?: { cause?: unknown }) {
    super(
      'file_unreadable',
      {
        ru: `Не удалось открыть базу данных: ${reason.ru}. Укажите другой файл базы.`,
        en: `Failed to open the database: ${reason.en}. Use another database file.`,
      },
      { file },
    );
    this.name = 'DatabaseUnreadableError';
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}

/** A schema migration that threw. Its transaction was rolled back, so the schema version is unchanged. */
export class MigrationError extends Error {
  readonly version: number;
  readonly migrationName: string;

  constructor(version: number, migrationName: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`Migration ${version} (${migrationName}) failed and was rolled back: ${reason}`, { cause });
    this.name = 'MigrationError';
    this.version = version;
    this.migrationName = migrationName;
  }
}
