import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Candidate } from '../../../src-worker/pipeline/types.js';
import type { ResultToSave } from '../../../src-main/store/types.js';

/** Creates a fresh temp folder and returns it with a function that deletes it. */
export function makeTempDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'materials-matcher-store-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function makeCandidate(overrides: Partial<Candidate> = {}): Candidate {
  return {
    sku: 'SKU-500',
    name: 'Цемент М500 Д0 ПЦ, мешок 50 кг',
    unit: 'кг',
    score: 0.93,
    unitCoefficient: 50,
    reasons: [
      { code: 'grade_match', detail: 'м500' },
      { code: 'unit_coefficient', detail: '1 меш = 50 кг' },
    ],
    ...overrides,
  };
}

export function makeResult(overrides: Partial<ResultToSave> = {}): ResultToSave {
  return {
    materialId: 'm1',
    originalName: 'Цемент М500 Д0 ПЦ 50кг',
    originalUnit: 'меш',
    status: 'matched',
    sku: 'SKU-500',
    score: 0.93,
    normalizedUnit: 'меш',
    unitCoefficient: 50,
    normalizedColor: null,
    candidates: [makeCandidate(), makeCandidate({ sku: 'SKU-400', name: 'Цемент М400 Д20, мешок 50 кг', score: 0.71 })],
    reasons: [{ code: 'grade_match', detail: 'м500' }],
    errorMessage: null,
    ...overrides,
  };
}
