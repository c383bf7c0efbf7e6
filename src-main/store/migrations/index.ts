import initial from './0001-initial.js';
import reviewDecisions from './0002-review-decisions.js';
import jobQueue from './0003-job-queue.js';
import rejectKeepsSku from './0004-reject-keeps-sku.js';
import type { Migration } from './migration.js';

export type { Migration } from './migration.js';

/** Every migration of the app, in version order. Append new ones at the end. */
export const MIGRATIONS: readonly Migration[] = [initial, reviewDecisions, jobQueue, rejectKeepsSku];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;
