import type Database from 'better-sqlite3';

/**
 * One numbered schema change. `up` runs inside a transaction that also records the version, so a
 * migration that throws leaves no trace. A released migration is never edited: change the schema
 * with a new one.
 */
export interface Migration {
  /** Schema version after this migration; versions run 1, 2, 3… without gaps. */
  version: number;
  name: string;
  up(db: Database.Database): void;
}
