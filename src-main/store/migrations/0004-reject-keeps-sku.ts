// A rejection now keeps the SKU it rejected, so the next price list from the same supplier does
// not propose that item again. SQLite cannot change a CHECK constraint in place, so the table is
// rebuilt with its rows.

import type { Migration } from './migration.js';

const migration: Migration = {
  version: 4,
  name: 'reject-keeps-sku',
  up(db) {
    db.exec(`
      CREATE TABLE review_decisions_v4 (
        id INTEGER PRIMARY KEY,
        request_id TEXT,
        material_id TEXT,
        supplier TEXT NOT NULL,
        line_key TEXT NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('accept', 'choose', 'reject')),
        sku TEXT,
        decided_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        UNIQUE (supplier, line_key),
        CHECK (action = 'reject' OR sku IS NOT NULL)
      ) STRICT;

      INSERT INTO review_decisions_v4 (id, request_id, material_id, supplier, line_key, action, sku, decided_at)
      SELECT id, request_id, material_id, supplier, line_key, action, sku, decided_at FROM review_decisions;

      DROP TABLE review_decisions;
      ALTER TABLE review_decisions_v4 RENAME TO review_decisions;
    `);
  },
};

export default migration;
