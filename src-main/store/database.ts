// Opening the results database: one SQLite file in WAL mode, migrated to the app's schema.

import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

import Database from 'better-sqlite3';

import { DatabaseTooNewError, DatabaseUnreadableError } from './errors.js';
import { listTables, readSchemaVersion, runMigrations } from './migrate.js';
import { MIGRATIONS, type Migration } from './migrations/index.js';

export interface OpenDatabaseOptions {
  /** Migrations to apply in place of the app's list, for tests. */
  migrations?: readonly Migration[];
}

/** SQLite error codes that mean the file is not a database this app can use. */
const UNREADABLE_CODES = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT', 'SQLITE_CANTOPEN']);

/**
 * Opens (creating it and its folders if missing) the results database at `file`, turns on WAL,
 * foreign keys and a 5 s busy timeout, and applies missing migrations.
 *
 * Throws DatabaseTooNewError for a database from a newer app version and DatabaseUnreadableError for
 * a file that is not a SQLite database or belongs to another program. In both cases the file is left
 * as it was: the checks only read, and they run before any pragma or migration writes.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Database.Database {
  const migrations = options.migrations ?? MIGRATIONS;
  const knownVersion = migrations.at(-1)?.version ?? 0;

  mkdirSync(dirname(file), { recursive: true });
  const db = openFile(file);

  try {
    db.pragma('busy_timeout = 5000');
    checkExistingSchema(db, file, knownVersion);

    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');

    runMigrations(db, migrations);
  } catch (error) {
    db.close();
    throw toOpenError(error, file);
  }

  return db;
}

function openFile(file: string): Database.Database {
  try {
    return new Database(file);
  } catch (error) {
    throw toOpenError(error, file);
  }
}

function checkExistingSchema(db: Database.Database, file: string, knownVersion: number): void {
  const version = readSchemaVersion(db);
  if (version > knownVersion) throw new DatabaseTooNewError(file, version, knownVersion);

  const foreignTables = listTables(db).filter((name) => name !== 'schema_migrations');
  if (version === 0 && foreignTables.length > 0) {
    throw new DatabaseUnreadableError(file, {
      ru: `в файле есть таблицы другой программы (${foreignTables.slice(0, 5).join(', ')})`,
      en: `the file contains tables of another program (${foreignTables.slice(0, 5).join(', ')})`,
    });
  }
}

function toOpenError(error: unknown, file: string): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !UNREADABLE_CODES.has(code)) return error;

  const message = error instanceof Error ? error.message : code;
  return new DatabaseUnreadableError(file, { ru: `SQLite: ${message}`, en: `SQLite: ${message}` }, { cause: error });
}
