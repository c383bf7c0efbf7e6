// The whole pipeline on a real LanceDB index of 36 catalog items (test/fixtures/pipeline), built with
// the hashing embedder in a temporary folder. Supplier lines are from test/fixtures/eval/queries.csv
// (named by id), unless marked otherwise.

import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { readCatalog } from '../../../src-main/io/catalog.js';
import { buildSkuIndex, SkuIndex } from '../../../src-worker/catalog/sku-index.js';
import { createHashingEmbedder } from '../../../src-worker/embedder/hashing-embedder.js';
import { DEFAULT_MATCHER, type DecisionLookup, matchLines, type PriorDecision } from '../../../src-worker/pipeline/matcher.js';
import { parseName } from '../../../src-worker/pipeline/parse-name.js';
import type { MatchResult, PriceListLine, ReasonCode } from '../../../src-worker/pipeline/types.js';
import { normalizeUnit } from '../../../src-worker/pipeline/units.js';

const MINI_CATALOG = path.join(import.meta.dirname, '../../fixtures/pipeline/mini-catalog.csv');

let tempDir: string;
let index: SkuIndex;

beforeAll(async () => {
  tempDir = await mkdtemp(path.join(os.tmpdir(), 'matcher-test-'));
  const { items } = await readCatalog(MINI_CATALOG);
  const embedder = createHashingEmbedder();
  await buildSkuIndex(tempDir, items, embedder);
  index = await SkuIndex.open(tempDir, embedder);
});

afterAll(async () => {
  index?.close();
  if (tempDir) await rm(tempDir, { recursive: true, force: true });
});

async function matchOne(line: PriceListLine, prior: PriorDecision | null = null): Promise<MatchResult> {
  const lookup: DecisionLookup = (requested) => (requested.id === line.id ? prior : null);
  const [result] = await matchLines([line], index, DEFAULT_MATCHER, lookup);
  if (!result) throw new Error(`matchLines returned no result for line ${line.id}`);
  return result;
}

function reasonCodes(result: MatchResult): ReasonCode[] {
  return result.reasons.map((reason) => reason.code);
}

describe('matchLines on rewritten lines', () => {
  it.each([
    // Look-alike letters and a typo in the brand.
    ['Q0214', 'Cтeклoxoлcт Wlelton Эконом плотность 40 г/кв.м 1x50 м', 'рул.', 'PET-107945', 'рул', 1],
    // A Cyrillic Х in HARD-FIХ, a pack of 1000.
    ['Q0220', 'САМОРЕЗЫ КЛОПЫ 13Х4,2 ММ УСИЛЕННЫЕ HARD-FIХ (1000 ШТ.)', 'уп.', 'PET-977081', 'уп', 1],
    // Priced per m2, sold per sheet of 3 m2.
    ['Q0347', 'ГИПСОКАРТОН ВОЛМА 2500Х1200Х12,5 ММ ВЛАГОСТОЙКИЙ', 'м.кв.', 'PET-137941', 'м2', 1 / 3],
    // A coil of 100 m, sold per metre.
    ['Q0372', 'Провод Камкабель ПуГВнг(А)-LS 1x6 желто-зеленый (бухта 100м)', 'бухта', 'PET-997056', 'бухта', 100],
    // Priced per piece, sold by the pack of 30.
    ['Q0379', 'ЗАБИВНОЙ АНКЕР ДЛЯ БЕТОНА 12Х50 ММ СТАЛЬНОЙ (фасовка 30 шт)', 'шт', 'PET-168161', 'шт', 1 / 30],
    // A bag against an item sold per piece.
    ['Q0167', 'Шпаклевка гипсовая Knauf Ротбанд Финиш 25кг', 'меш.', 'PET-106961', 'меш', 1],
    // Two article codes, a typo in the word.
    ['Q0301', 'SFT-0010-000034 STOUT Угоьлник НН никелированный 3/4 (270020N050500B)', 'ШТ', 'TER-11144181', 'шт', 1],
  ])('matches %s to its item', async (id, name, unit, sku, normalizedUnit, coefficient) => {
    const result = await matchOne({ id, name, unit });

    expect(result.status).toBe('matched');
    expect(result.sku).toBe(sku);
    expect(result.score).toBeGreaterThanOrEqual(DEFAULT_MATCHER.acceptThreshold);
    expect(result.normalizedUnit).toBe(normalizedUnit);
    expect(result.unitCoefficient).toBeCloseTo(coefficient, 5);
    expect(result.errorMessage).toBeNull();
    expect(result.candidates[0]?.sku).toBe(sku);
  });

  it('stores the normalized color with its RAL code', async () => {
    const result = await matchOne({ id: 'Q0345', name: 'КР-КА АЭРОЗОЛЬНАЯ ULTIMA МАТОВАЯ ЦВЕТ ЧЁНРЫЙ RAL 9005', unit: 'шт.' });

    expect(result.status).toBe('matched');
    expect(result.sku).toBe('LM-18760796');
    expect(result.normalizedColor).toBe('черный (RAL 9005)');
    expect(reasonCodes(result)).toContain('color_match');
  });

  it('keeps the input fields and the top candidates in order', async () => {
    const line: PriceListLine = { id: 'Q0044', name: 'Штукатурка гипсовая Knauf Ротбанд 30 кг', unit: 'шт.', price: 500 };
    const result = await matchOne(line);

    expect(result.materialId).toBe('Q0044');
    expect(result.originalName).toBe(line.name);
    expect(result.originalUnit).toBe('шт.');
    expect(result.candidates.length).toBeGreaterThan(1);
    expect(result.candidates.length).toBeLessThanOrEqual(DEFAULT_MATCHER.keepCandidates);

    const scores = result.candidates.map((candidate) => candidate.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });
});

describe('matchLines on near-duplicates', () => {
  it('does not match a 10 kg bag to the only 30 kg one', async () => {
    // Q0015: the catalog has Ротбанд only in 30 kg bags (PET-106958).
    const result = await matchOne({ id: 'Q0015', name: 'Штукатурка гипсовая Knauf Ротбанд 10 кг', unit: 'шт (data-unit=NIU)' });

    expect(result.status).not.toBe('matched');
    expect(result.candidates[0]?.sku).toBe('PET-106958');
    expect(result.reasons).toContainEqual({ code: 'measure_conflict', detail: '10 кг ≠ 30 кг' });
  });

  it.each([
    // PET-161079 is the 30 kg bag.
    ['Q0405', 'ШТУКАТУРКА ГИПСОВАЯ ВОЛМА ГИПС АКТИВ МН 40КГ', 'упак'],
    // PET-612704 is the 40 kg bag.
    ['Q0409', 'ПЕСКОБЕТОН (ЦПС) М300 DAUER 50КГ', 'меш.'],
  ])('does not match %s, whose bag mass no item has', async (id, name, unit) => {
    const result = await matchOne({ id, name, unit });

    expect(result.status).not.toBe('matched');
    expect(reasonCodes(result)).toContain('measure_conflict');
  });

  it('does not match a wire in a color no item has', async () => {
    // PET-997055 with its color changed to red (made up). The catalog has white, blue and yellow-green.
    const result = await matchOne({ id: 'red-wire', name: 'Провод Камкабель ПуГВнг(А)-LS 1х6 красный', unit: 'м' });

    expect(result.status).not.toBe('matched');
    expect(result.normalizedColor).toBe('красный');
    expect(result.candidates[0]?.reasons.map((reason) => reason.code)).toContain('color_conflict');
  });

  it('tells two cement grades apart', async () => {
    // The names of RSA-CEM0001 and RSA-CEM0002 as supplier lines.
    const m400 = await matchOne({ id: 'm400', name: 'Цемент портландский М400', unit: 'шт' });
    const m500 = await matchOne({ id: 'm500', name: 'Цемент портландский М500', unit: 'шт' });

    expect(m400.sku).toBe('RSA-CEM0001');
    expect(m500.sku).toBe('RSA-CEM0002');
    expect(m400.candidates.find((candidate) => candidate.sku === 'RSA-CEM0002')?.reasons).toContainEqual({ code: 'grade_conflict', detail: 'м400 ≠ м500' });
  });
});

describe('matchLines on bad lines', () => {
  it('fails a line without a name and goes on with the batch', async () => {
    const lines: PriceListLine[] = [
      { id: 'Q0003', name: 'Штукатурка гипсовая Knauf Ротбанд 30 кг', unit: 'шт (data-unit=NIU)' },
      { id: 'empty', name: '   ', unit: 'шт' },
      { id: 'Q0167', name: 'Шпаклевка гипсовая Knauf Ротбанд Финиш 25кг', unit: 'меш.' },
    ];
    const results = await matchLines(lines, index);

    expect(results.map((result) => result.materialId)).toEqual(['Q0003', 'empty', 'Q0167']);
    expect(results.map((result) => result.status)).toEqual(['matched', 'failed', 'matched']);
    expect(results.map((result) => result.sku)).toEqual(['PET-106958', null, 'PET-106961']);

    const failed = results[1];
    expect(failed?.errorMessage).toBeTruthy();
    expect(failed?.score).toBeNull();
    expect(failed?.candidates).toEqual([]);
    expect(failed?.originalUnit).toBe('шт');
  });

  it('fails an empty name', async () => {
    const result = await matchOne({ id: 'empty', name: '', unit: '' });

    expect(result.status).toBe('failed');
    expect(result.errorMessage).toBeTruthy();
    expect(result.sku).toBeNull();
  });

  it('reports a line without a unit and does not guess the unit', async () => {
    // Q0058 has no unit cell.
    const result = await matchOne({ id: 'Q0058', name: 'Штукатурка Ротбанд 30 кг', unit: '' });

    expect(result.sku).toBe('PET-106958');
    expect(result.normalizedUnit).toBeNull();
    expect(result.unitCoefficient).toBeNull();
  });

  it('returns an empty list for an empty batch', async () => {
    expect(await matchLines([], index)).toEqual([]);
  });
});

describe('matchLines with prior decisions', () => {
  const plaster: PriceListLine = { id: 'Q0003', name: 'Штукатурка гипсовая Knauf Ротбанд 30 кг', unit: 'шт (data-unit=NIU)' };
  const rebar: PriceListLine = { id: 'Q0085', name: 'Арматура А500С 10мм', unit: 'кг' };

  it('drops a rejected SKU below review', async () => {
    const before = await matchOne(plaster);
    const after = await matchOne(plaster, { action: 'reject', sku: 'PET-106958' });

    expect(before.status).toBe('matched');
    expect(before.sku).toBe('PET-106958');
    expect(after.sku).not.toBe('PET-106958');
    expect(after.status).not.toBe('matched');

    const rejected = after.candidates.find((candidate) => candidate.sku === 'PET-106958');
    expect(rejected?.score).toBeLessThanOrEqual(0.3);
    expect(rejected?.reasons[0]).toEqual({ code: 'rejected_before' });
  });

  it('matches an accepted SKU that was in review', async () => {
    const before = await matchOne(rebar);
    const after = await matchOne(rebar, { action: 'accept', sku: 'PET-100826' });

    expect(before.status).toBe('needs_review');
    expect(before.sku).toBe('PET-100826');
    expect(after.status).toBe('matched');
    expect(after.sku).toBe('PET-100826');
    expect(after.score).toBe(1);
    expect(reasonCodes(after)).toContain('confirmed_before');
  });

  it('matches a chosen SKU that retrieval did not return', async () => {
    // Q0105, priced per m2: a person picked the moisture-resistant sheet PET-137941 (2500x1200,
    // sold per sheet), which one candidate per retriever leaves out.
    const line: PriceListLine = { id: 'Q0105', name: 'Гипсокартон ГКЛВ 12.5мм', unit: 'м²' };
    const settings = { ...DEFAULT_MATCHER, retrieveLimit: 1 };
    const [retrieved] = await index.retrieve([{ parsed: parseName(line.name), unit: normalizeUnit(line.unit), rawUnit: line.unit }], settings.retrieveLimit);
    expect(retrieved).not.toContain('PET-137941');

    const lookup: DecisionLookup = () => ({ action: 'choose', sku: 'PET-137941' });
    const [result] = await matchLines([line], index, settings, lookup);

    expect(result?.status).toBe('matched');
    expect(result?.sku).toBe('PET-137941');
    expect(result?.unitCoefficient).toBeCloseTo(1 / 3, 5);
    expect(result?.candidates[0]?.reasons[0]).toEqual({ code: 'confirmed_before' });
  });

  it('ignores a decision on an SKU the catalog no longer has', async () => {
    const before = await matchOne(plaster);
    const after = await matchOne(plaster, { action: 'accept', sku: 'PET-0000000' });

    expect(after.status).toBe(before.status);
    expect(after.sku).toBe(before.sku);
    expect(after.score).toBe(before.score);
  });
});
