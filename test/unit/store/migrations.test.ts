import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { openDatabase } from '../../../src-main/store/database.js';
import { DatabaseTooNewError, DatabaseUnreadableError, MigrationError } from '../../../src-main/store/errors.js';
import { listTables, readSchemaVersion, runMigrations } from '../../../src-main/store/migrate.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from '../../../src-main/store/migrations/index.js';
import { makeTempDir } from './helpers.js';

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

let temp: ReturnType<typeof makeTempDir>;
let file: string;

beforeEach(() => {
  temp = makeTempDir();
  file = join(temp.dir, 'results.db');
});

afterEach(() => temp.remove());

/** Inserts one request and two result lines with SQL valid since schema version 1. */
function insertVersion1Rows(db: Database.Database): void {
  db.prepare(
    `INSERT INTO requests (request_id, source, input_file, status, materials_count, created_at, settings_json)
     VALUES ('req-1', 'cli', 'prices.xlsx', 'completed', 2, '2026-01-05T10:00:00.000Z', '{"threshold":0.8}')`,
  ).run();
  db.prepare(
    `INSERT INTO processing_results (request_id, material_id, row_number, original_name, original_unit,
       input_json, price, sku, processing_status, similarity_score, unit_coefficient, candidates_json, reasons_json)
     VALUES ('req-1', 'm1', 2, 'Цемент М500 50кг', 'меш', '{"Наименование":"Цемент М500 50кг"}', 520,
       'SKU-500', 'matched', 0.93, 50, '[]', '[{"code":"grade_match"}]'),
            ('req-1', 'm2', 3, 'Гвозди 100 мм', 'кг', NULL, NULL, NULL, 'no_match', 0.2, NULL, '[]', '[]')`,
  ).run();
}

function readRows(db: Database.Database) {
  return {
    requests: db.prepare('SELECT request_id, source, input_file, status, materials_count, created_at, settings_json FROM requests ORDER BY request_id').all(),
    results: db
      .prepare(
        `SELECT request_id, material_id, row_number, original_name, original_unit, input_json, price, sku,
           processing_status, similarity_score, unit_coefficient, candidates_json, reasons_json, retry_count, created_at
         FROM processing_results ORDER BY id`,
      )
      .all(),
  };
}

function tableColumns(db: Database.Database, table: string): string[] {
  return db.prepare<[string], { name: string }>('SELECT name FROM pragma_table_info(?)').all(table).map((row) => row.name);
}

/** Returns each index of a table as its comma-joined column list. */
function indexedColumnLists(db: Database.Database, table: string): string[] {
  const indexes = db.prepare<[string], { name: string }>('SELECT name FROM pragma_index_list(?)').all(table);
  return indexes.map((index) =>
    db
      .prepare<[string], { name: string }>('SELECT name FROM pragma_index_info(?) ORDER BY seqno')
      .all(index.name)
      .map((column) => column.name)
      .join(','),
  );
}

const createTableA: Migration = { version: 1, name: 'create-a', up: (db) => db.exec('CREATE TABLE a (x INTEGER) STRICT') };

describe('openDatabase on a new file', () => {
  it('reaches the latest schema version', () => {
    const db = openDatabase(file);

    expect(readSchemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    const recorded = db.prepare<[], { version: number; name: string; applied_at: string }>('SELECT * FROM schema_migrations ORDER BY version').all();
    expect(recorded.map((row) => row.version)).toEqual(MIGRATIONS.map((migration) => migration.version));
    expect(recorded.map((row) => row.name)).toEqual(MIGRATIONS.map((migration) => migration.name));
    for (const row of recorded) expect(row.applied_at).toMatch(ISO_UTC);

    db.close();
  });

  it('creates missing parent folders', () => {
    const nested = join(temp.dir, 'a', 'b', 'c', 'results.db');

    openDatabase(nested).close();

    expect(existsSync(nested)).toBe(true);
  });

  it('sets WAL and the other pragmas', () => {
    const db = openDatabase(file);

    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    db.close();

    const raw = new Database(file);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });

  it('creates STRICT tables', () => {
    const db = openDatabase(file);

    const strictness = db.prepare<[], { name: string; strict: number }>("SELECT name, strict FROM pragma_table_list WHERE schema = 'main'").all();
    const strictByName = Object.fromEntries(strictness.map((row) => [row.name, row.strict]));
    expect(strictByName['requests']).toBe(1);
    expect(strictByName['processing_results']).toBe(1);
    expect(strictByName['review_decisions']).toBe(1);
    expect(strictByName['schema_migrations']).toBe(1);

    db.close();
  });

  it('has the result columns and indexes', () => {
    const db = openDatabase(file);

    const columns = tableColumns(db, 'processing_results');
    const expected = [
      'id', 'request_id', 'material_id', 'original_name', 'original_unit', 'sku', 'processing_status',
      'error_message', 'similarity_score', 'normalized_color', 'normalized_unit', 'unit_coefficient',
      'retry_count', 'created_at', 'updated_at', 'processed_at', 'row_number', 'input_json', 'price',
      'candidates_json', 'reasons_json', 'catalog_name', 'catalog_unit', 'reviewed_sku', 'review_action',
      'reviewed_at', 'next_attempt_at',
    ];
    expect([...columns].sort()).toEqual([...expected].sort());

    const indexes = indexedColumnLists(db, 'processing_results');
    expect(indexes).toContain('request_id,processing_status');
    expect(indexes).toContain('created_at');
    expect(indexes).toContain('retry_count');
    expect(indexes).toContain('request_id,material_id');
    expect(indexes).toContain('processing_status,next_attempt_at');

    db.close();
  });

  it('rejects a duplicate (request_id, material_id)', () => {
    const db = openDatabase(file);
    insertVersion1Rows(db);

    const duplicate = db.prepare(
      "INSERT INTO processing_results (request_id, material_id, original_name, original_unit) VALUES ('req-1', 'm1', 'x', 'шт')",
    );
    expect(() => duplicate.run()).toThrow(/UNIQUE constraint failed/);

    db.close();
  });

  it('stamps updated_at on update', () => {
    const db = openDatabase(file);
    insertVersion1Rows(db);
    db.prepare("UPDATE processing_results SET updated_at = '2000-01-01T00:00:00.000Z'").run();

    db.prepare("UPDATE processing_results SET processing_status = 'failed' WHERE material_id = 'm1'").run();

    const rows = db.prepare<[], { material_id: string; updated_at: string }>('SELECT material_id, updated_at FROM processing_results ORDER BY id').all();
    expect(rows[0]?.updated_at).toMatch(ISO_UTC);
    expect(rows[0]?.updated_at).not.toBe('2000-01-01T00:00:00.000Z');
    expect(rows[1]?.updated_at).toBe('2000-01-01T00:00:00.000Z');

    db.close();
  });

  it('applies nothing when reopened', () => {
    openDatabase(file).close();

    const db = openDatabase(file);
    const outcome = runMigrations(db);

    expect(outcome).toEqual({ fromVersion: LATEST_SCHEMA_VERSION, toVersion: LATEST_SCHEMA_VERSION, applied: [] });
    expect(db.prepare('SELECT count(*) AS n FROM schema_migrations').get()).toEqual({ n: LATEST_SCHEMA_VERSION });
    db.close();
  });
});

describe('migrating from an older version', () => {
  const targets = MIGRATIONS.filter((migration) => migration.version >= 2).map((migration) => migration.version);

  it.each(targets)('keeps rows from version %i - 1', (target) => {
    const older = openDatabase(file, { migrations: MIGRATIONS.slice(0, target - 1) });
    expect(readSchemaVersion(older)).toBe(target - 1);
    insertVersion1Rows(older);
    const before = readRows(older);
    older.close();

    const db = openDatabase(file, { migrations: MIGRATIONS.slice(0, target) });

    expect(readSchemaVersion(db)).toBe(target);
    expect(readRows(db)).toEqual(before);
    expect(readRows(db).results).toHaveLength(2);
    db.close();
  });

  it('adds review columns and table in version 2', () => {
    const older = openDatabase(file, { migrations: MIGRATIONS.slice(0, 1) });
    insertVersion1Rows(older);
    expect(listTables(older)).not.toContain('review_decisions');
    older.close();

    const db = openDatabase(file, { migrations: MIGRATIONS.slice(0, 2) });

    expect(listTables(db)).toContain('review_decisions');
    const review = db.prepare('SELECT reviewed_sku, review_action, reviewed_at FROM processing_results ORDER BY id').all();
    expect(review).toEqual([
      { reviewed_sku: null, review_action: null, reviewed_at: null },
      { reviewed_sku: null, review_action: null, reviewed_at: null },
    ]);
    const invalidAction = db.prepare("UPDATE processing_results SET review_action = 'approve'");
    expect(() => invalidAction.run()).toThrow(/CHECK constraint failed/);
    db.close();
  });

  it('adds queue columns in version 3', () => {
    const older = openDatabase(file, { migrations: MIGRATIONS.slice(0, 2) });
    insertVersion1Rows(older);
    older.close();

    const db = openDatabase(file, { migrations: MIGRATIONS.slice(0, 3) });

    const rows = db.prepare('SELECT next_attempt_at FROM processing_results ORDER BY id').all();
    expect(rows).toEqual([{ next_attempt_at: null }, { next_attempt_at: null }]);
    expect(tableColumns(db, 'requests')).toContain('error_message');
    db.close();
  });
});

describe('refusing files', () => {
  it('rejects a newer schema and leaves the file unchanged', () => {
    const future: Migration = { version: LATEST_SCHEMA_VERSION + 1, name: 'future', up: (db) => db.exec('CREATE TABLE future (x TEXT) STRICT') };
    const newer = openDatabase(file, { migrations: [...MIGRATIONS, future] });
    insertVersion1Rows(newer);
    newer.close();
    const bytesBefore = readFileSync(file);

    let thrown: unknown;
    try {
      openDatabase(file);
    } catch (error) {
      thrown = error;
    }

    expect(thrown).toBeInstanceOf(DatabaseTooNewError);
    expect((thrown as DatabaseTooNewError).foundVersion).toBe(LATEST_SCHEMA_VERSION + 1);
    expect((thrown as DatabaseTooNewError).knownVersion).toBe(LATEST_SCHEMA_VERSION);
    expect((thrown as DatabaseTooNewError).format('ru')).toContain('более новой версией');
    expect(readFileSync(file).equals(bytesBefore)).toBe(true);

    const raw = new Database(file, { readonly: true });
    expect(readSchemaVersion(raw)).toBe(LATEST_SCHEMA_VERSION + 1);
    raw.close();
  });

  it('rejects a newer schema before switching to WAL', () => {
    const raw = new Database(file);
    raw.exec(`
      CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT;
      INSERT INTO schema_migrations VALUES (99, 'from-the-future', '2030-01-01T00:00:00.000Z');
    `);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('delete');
    raw.close();
    const bytesBefore = readFileSync(file);

    expect(() => openDatabase(file)).toThrow(DatabaseTooNewError);

    expect(readFileSync(file).equals(bytesBefore)).toBe(true);
    const reopened = new Database(file, { readonly: true });
    expect(reopened.pragma('journal_mode', { simple: true })).toBe('delete');
    reopened.close();
  });

  it('rejects another program’s database', () => {
    const raw = new Database(file);
    raw.exec("CREATE TABLE customers (name TEXT); INSERT INTO customers VALUES ('ООО Ромашка')");
    raw.close();
    const bytesBefore = readFileSync(file);

    expect(() => openDatabase(file)).toThrow(DatabaseUnreadableError);

    expect(readFileSync(file).equals(bytesBefore)).toBe(true);
  });

  it('rejects a file that is not SQLite', () => {
    writeFileSync(file, 'Наименование;Ед.;Цена\nЦемент;меш;520\n'.repeat(20));
    const bytesBefore = readFileSync(file);

    expect(() => openDatabase(file)).toThrow(DatabaseUnreadableError);

    expect(readFileSync(file).equals(bytesBefore)).toBe(true);
  });
});

describe('runMigrations', () => {
  it('rolls back a failing migration', () => {
    const failing: Migration = {
      version: 2,
      name: 'fails-halfway',
      up: (db) => {
        db.exec('CREATE TABLE b (y TEXT) STRICT; INSERT INTO a VALUES (1)');
        throw new Error('migration 2 failed on purpose');
      },
    };
    const db = new Database(file);

    let thrown: unknown;
    try {
      runMigrations(db, [createTableA, failing]);
    } catch (error) {
      thrown = error;
    }

    expect(thrown).toBeInstanceOf(MigrationError);
    expect((thrown as MigrationError).version).toBe(2);
    expect((thrown as MigrationError).message).toContain('migration 2 failed on purpose');
    expect(readSchemaVersion(db)).toBe(1);
    expect(listTables(db)).not.toContain('b');
    expect(db.prepare('SELECT count(*) AS n FROM a').get()).toEqual({ n: 0 });
    db.close();
  });

  it('applies a fixed migration after a failure', () => {
    const failing: Migration = { version: 2, name: 'b', up: () => { throw new Error('bug'); } };
    const fixed: Migration = { version: 2, name: 'b', up: (db) => db.exec('CREATE TABLE b (y TEXT) STRICT') };
    const db = new Database(file);
    expect(() => runMigrations(db, [createTableA, failing])).toThrow(MigrationError);

    const outcome = runMigrations(db, [createTableA, fixed]);

    expect(outcome).toEqual({ fromVersion: 1, toVersion: 2, applied: [2] });
    expect(listTables(db)).toContain('b');
    db.close();
  });

  it('leaves the version unchanged when opening fails', () => {
    openDatabase(file, { migrations: [createTableA] }).close();
    const failing: Migration = { version: 2, name: 'b', up: () => { throw new Error('bug'); } };

    expect(() => openDatabase(file, { migrations: [createTableA, failing] })).toThrow(MigrationError);

    const raw = new Database(file, { readonly: true });
    expect(readSchemaVersion(raw)).toBe(1);
    raw.close();
  });

  it('rejects a list with a gap', () => {
    const third: Migration = { version: 3, name: 'c', up: () => {} };
    const db = new Database(file);

    expect(() => runMigrations(db, [createTableA, third])).toThrow(/entry 1 \("c"\) has version 3, expected 2/);
    expect(readSchemaVersion(db)).toBe(0);
    db.close();
  });

  it('rejects a database newer than the list', () => {
    const db = new Database(file);
    runMigrations(db, MIGRATIONS);

    expect(() => runMigrations(db, MIGRATIONS.slice(0, 1))).toThrow(DatabaseTooNewError);
    expect(readSchemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    db.close();
  });
});
