// Schema versioning: which migrations a database has, and applying the missing ones.

import type Database from 'better-sqlite3';

import { DatabaseTooNewError, MigrationError } from './errors.js';
import { MIGRATIONS, type Migration } from './migrations/index.js';

export interface MigrationOutcome {
  fromVersion: number;
  toVersion: number;
  /** Versions applied by this call, in order. */
  applied: number[];
}

/** Returns the database's schema version: the highest applied migration, or 0 for a new file. Writes nothing. */
export function readSchemaVersion(db: Database.Database): number {
  if (!hasTable(db, 'schema_migrations')) return 0;

  const row = db.prepare<[], { version: number | null }>('SELECT max(version) AS version FROM schema_migrations').get();
  return row?.version ?? 0;
}

/** Returns the names of tables in the database, without SQLite's internal ones. */
export function listTables(db: Database.Database): string[] {
  return db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all()
    .map((row) => row.name);
}

/**
 * Applies the migrations the database does not have yet, each in its own IMMEDIATE transaction
 * together with its row in `schema_migrations`. Throws DatabaseTooNewError when the database is
 * newer than the list, and MigrationError (after rollback) when a migration throws.
 */
export function runMigrations(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): MigrationOutcome {
  checkMigrationList(migrations);
  const knownVersion = migrations.at(-1)?.version ?? 0;

  const fromVersion = readSchemaVersion(db);
  if (fromVersion > knownVersion) throw new DatabaseTooNewError(db.name, fromVersion, knownVersion);

  db.exec(`
    CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      applied_at TEXT NOT NULL
    ) STRICT
  `);
  const record = db.prepare<[number, string, string]>('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');

  const applied: number[] = [];
  for (const migration of migrations) {
    if (migration.version <= fromVersion) continue;

    // Another process may have applied it since fromVersion was read, so check again under the write lock.
    const apply = db.transaction(() => {
      if (readSchemaVersion(db) >= migration.version) return false;
      migration.up(db);
      record.run(migration.version, migration.name, new Date().toISOString());
      return true;
    });

    try {
      if (apply.immediate()) applied.push(migration.version);
    } catch (error) {
      throw new MigrationError(migration.version, migration.name, error);
    }
  }

  return { fromVersion, toVersion: readSchemaVersion(db), applied };
}

function checkMigrationList(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`Migration list is invalid: entry ${index} ("${migration.name}") has version ${migration.version}, expected ${index + 1}`);
    }
  });
}

function hasTable(db: Database.Database, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(name) !== undefined;
}
