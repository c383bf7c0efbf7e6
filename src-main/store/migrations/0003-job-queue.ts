// Columns the batch engine needs: when a failed line may be tried again, why a request failed,
// and an index for picking the next lines to process.

import type { Migration } from './migration.js';

const migration: Migration = {
  version: 3,
  name: 'job-queue',
  up(db) {
    db.exec(`
      ALTER TABLE processing_results ADD COLUMN next_attempt_at TEXT;
      ALTER TABLE requests ADD COLUMN error_message TEXT;
      CREATE INDEX processing_results_queue ON processing_results (processing_status, next_attempt_at);
      CREATE INDEX processing_results_processed_at ON processing_results (processed_at);
    `);
  },
};

export default migration;
