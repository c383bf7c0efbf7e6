// Paths to the io fixtures, temporary folders and a helper that captures a UserError.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterEach } from 'vitest';

import { UserError } from '../../../src-main/errors.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures');

/** Return the path of a file copied from the real data set (see test/fixtures/SOURCES.md). */
export function rawFixture(name: string): string {
  return join(FIXTURES, 'data', 'raw', name);
}

export function dataFixture(name: string): string {
  return join(FIXTURES, 'data', name);
}

/** Return the path of a small file built for the io tests. */
export function ioFixture(name: string): string {
  return join(FIXTURES, 'io', name);
}

const folders: string[] = [];

/** Create a temporary folder that is removed after the test. */
export function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'mm-io-'));
  folders.push(folder);
  return folder;
}

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** Await a promise that must reject with a UserError and return that error. */
export async function userErrorOf(promise: Promise<unknown>): Promise<UserError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected a UserError, but the call succeeded');
}
