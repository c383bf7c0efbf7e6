// Requests and their per-line results. Column names of `processing_results` follow the original
// Python server's table, so API clients written against it see the same fields.

import type { Migration } from './migration.js';

const migration: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE requests (
        request_id TEXT PRIMARY KEY,
        source TEXT NOT NULL,
        input_file TEXT,
        catalog_file TEXT,
        catalog_version TEXT,
        supplier TEXT,
        status TEXT NOT NULL DEFAULT 'pending'
          CHECK (status IN ('pending', 'running', 'completed', 'cancelled', 'failed')),
        materials_count INTEGER NOT NULL CHECK (materials_count >= 0),
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        started_at TEXT,
        completed_at TEXT,
        settings_json TEXT
      ) STRICT;

      CREATE INDEX requests_created_at ON requests (created_at);
      CREATE INDEX requests_status ON requests (status);

      CREATE TABLE processing_results (
        id INTEGER PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (request_id) ON DELETE CASCADE,
        material_id TEXT NOT NULL,
        row_number INTEGER,
        original_name TEXT NOT NULL,
        original_unit TEXT NOT NULL,
        input_json TEXT,
        price REAL,
        sku TEXT,
        catalog_name TEXT,
        catalog_unit TEXT,
        processing_status TEXT NOT NULL DEFAULT 'pending'
          CHECK (processing_status IN ('pending', 'processing', 'matched', 'needs_review', 'no_match', 'failed')),
        error_message TEXT,
        similarity_score REAL,
        normalized_color TEXT,
        normalized_unit TEXT,
        unit_coefficient REAL,
        candidates_json TEXT,
        reasons_json TEXT,
        retry_count INTEGER NOT NULL DEFAULT 0 CHECK (retry_count >= 0),
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        processed_at TEXT,
        UNIQUE (request_id, material_id)
      ) STRICT;

      CREATE INDEX processing_results_request_status ON processing_results (request_id, processing_status);
      CREATE INDEX processing_results_created_at ON processing_results (created_at);
      CREATE INDEX processing_results_retry_count ON processing_results (retry_count);

      -- Stamps updated_at on every update that does not set it itself.
      CREATE TRIGGER processing_results_updated_at
      AFTER UPDATE ON processing_results
      FOR EACH ROW WHEN NEW.updated_at IS OLD.updated_at
      BEGIN
        UPDATE processing_results
        SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
        WHERE id = NEW.id;
      END;
    `);
  },
};

export default migration;
