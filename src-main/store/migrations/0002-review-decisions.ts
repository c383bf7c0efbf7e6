// A reviewer's decisions: on each result line, and per supplier line so that the same line from the
// same supplier gets the same answer next time.

import type { Migration } from './migration.js';

const migration: Migration = {
  version: 2,
  name: 'review-decisions',
  up(db) {
    db.exec(`
      -- request_id and material_id record where a decision was made. They carry no foreign key
      -- because decisions outlive the cleanup of old requests.
      -- supplier is '' when the price list's supplier is unknown.
      CREATE TABLE review_decisions (
        id INTEGER PRIMARY KEY,
        request_id TEXT,
        material_id TEXT,
        supplier TEXT NOT NULL,
        line_key TEXT NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('accept', 'choose', 'reject')),
        sku TEXT,
        decided_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        UNIQUE (supplier, line_key),
        CHECK ((action = 'reject') = (sku IS NULL))
      ) STRICT;

      ALTER TABLE processing_results ADD COLUMN reviewed_sku TEXT;
      ALTER TABLE processing_results ADD COLUMN review_action TEXT
        CHECK (review_action IN ('accept', 'choose', 'reject'));
      ALTER TABLE processing_results ADD COLUMN reviewed_at TEXT;
    `);
  },
};

export default migration;
