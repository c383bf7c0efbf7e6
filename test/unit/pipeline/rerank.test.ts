// Names below are real: catalog items of test/fixtures/data/catalog.csv (named by SKU) and
// supplier lines of test/fixtures/eval/queries.csv (named by id). Word weights come from the
// mini catalog of test/fixtures/pipeline.

import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

import { readCatalog } from '../../../src-main/io/catalog.js';
import { parseName } from '../../../src-worker/pipeline/parse-name.js';
import {
  type DecisionSettings,
  decide,
  type PreparedItem,
  type PreparedLine,
  type ScoredCandidate,
  scoreCandidate,
} from '../../../src-worker/pipeline/rerank.js';
import { buildIdfTable, type IdfTable } from '../../../src-worker/pipeline/text-similarity.js';
import type { ReasonCode } from '../../../src-worker/pipeline/types.js';
import { normalizeUnit } from '../../../src-worker/pipeline/units.js';

const MINI_CATALOG = path.join(import.meta.dirname, '../../fixtures/pipeline/mini-catalog.csv');

let idf: IdfTable;

beforeAll(async () => {
  const { items } = await readCatalog(MINI_CATALOG);
  idf = buildIdfTable(items.map((item) => parseName(item.name).tokens));
});

function line(name: string, unit: string): PreparedLine {
  return { parsed: parseName(name), unit: normalizeUnit(unit), rawUnit: unit };
}

function item(sku: string, name: string, unit: string): PreparedItem {
  return { item: { sku, name, unit }, parsed: parseName(name), unit: normalizeUnit(unit) };
}

function detailsOf(candidate: ScoredCandidate, code: ReasonCode): (string | undefined)[] {
  return candidate.reasons.filter((reason) => reason.code === code).map((reason) => reason.detail);
}

describe('scoreCandidate', () => {
  it('scores the same grade above another grade', () => {
    const cement = line('Цемент М500', 'кг');
    const same = scoreCandidate(cement, item('RSA-CEM0002', 'Цемент портландский М500', 'шт'), idf);
    const other = scoreCandidate(cement, item('RSA-CEM0001', 'Цемент портландский М400', 'шт'), idf);

    expect(same.score).toBeGreaterThan(other.score);
    expect(same.conflicts).toBe(0);
    expect(other.conflicts).toBe(1);
    expect(detailsOf(same, 'grade_match')).toEqual(['м500']);
    expect(detailsOf(other, 'grade_conflict')).toEqual(['м500 ≠ м400']);
  });

  it('scores the same pack above another pack', () => {
    // Q0220 against PET-977081 and PET-107142.
    const screws = line('САМОРЕЗЫ КЛОПЫ 13Х4,2 ММ УСИЛЕННЫЕ HARD-FIХ (1000 ШТ.)', 'уп.');
    const same = scoreCandidate(screws, item('PET-977081', 'Саморезы клопы 13x4,2 мм усиленные Hard-Fix (1000 шт.)', 'уп'), idf);
    const other = scoreCandidate(screws, item('PET-107142', 'Саморезы клопы 25x4,2 мм (1000 шт.)', 'уп'), idf);

    expect(same.score).toBeGreaterThan(0.9);
    expect(other.score).toBeLessThan(same.score / 2);
    expect(detailsOf(other, 'measure_conflict')).toEqual(['13x4.2 мм ≠ 25x4.2 мм']);
  });

  it('scores the same color above another color', () => {
    // Q0371 against PET-997055 (white) and PET-997057 (blue).
    const wire = line('Камкабель Провод ПyГBнг(A)-LS 1x6 белый (бухта 100м)', 'бухта');
    const white = scoreCandidate(wire, item('PET-997055', 'Провод Камкабель ПуГВнг(А)-LS 1х6 белый', 'м'), idf);
    const blue = scoreCandidate(wire, item('PET-997057', 'Провод Камкабель ПуГВнг(А)-LS 1х6 синий', 'м'), idf);

    expect(white.score).toBeGreaterThan(blue.score);
    expect(white.conflicts).toBe(0);
    expect(blue.conflicts).toBe(1);
    expect(detailsOf(blue, 'color_conflict')).toEqual(['белый ≠ синий']);
  });

  it('starts the reasons with the text similarity', () => {
    const candidate = scoreCandidate(line('Цемент М500', 'кг'), item('RSA-CEM0002', 'Цемент портландский М500', 'шт'), idf);

    expect(candidate.reasons[0]?.code).toBe('text_similarity');
    expect(candidate.reasons[0]?.detail).toMatch(/^\d\.\d\d$/);
  });

  it('carries the unit coefficient and its explanation', () => {
    // Q0362 against PET-670987, sold per metre.
    const candidate = scoreCandidate(
      line('Кабэкс Каебль ВВГнг(А)-LS 5х1,5 (бухта 100м)', 'бухта'),
      item('PET-670987', 'Кабель Кабэкс ВВГнг(А)-LS 5х1,5', 'м'),
      idf,
    );

    expect(candidate.unitCoefficient).toBe(100);
    expect(detailsOf(candidate, 'unit_coefficient')).toEqual(['1 бухта = 100 м (1 бухта = 100 м, 1 м = 1 м)']);
    expect(detailsOf(candidate, 'measure_missing')).toEqual([]);
  });

  it('reports units that cannot be converted', () => {
    // Q0087 against RSA-ARM0002: kilograms against rods of unknown length.
    const candidate = scoreCandidate(line('Арматура А500С 14мм', 'кг'), item('RSA-ARM0002', 'Арматура А500С Ø14мм', 'шт'), idf);

    expect(candidate.unitCoefficient).toBeNull();
    expect(detailsOf(candidate, 'unit_incompatible')).toEqual(['кг → шт']);
  });

  it('reports an unknown unit and scores it below a known one', () => {
    // Q0214 against PET-107945. `25.апр` is a date that a spreadsheet made of a number.
    const glassFiber = item('PET-107945', 'Стеклохолст Wellton Эконом плотность 40 г/кв.м 1х50 м', 'рул');
    const known = scoreCandidate(line('Cтeклoxoлcт Wlelton Эконом плотность 40 г/кв.м 1x50 м', 'рул.'), glassFiber, idf);
    const unknown = scoreCandidate(line('Cтeклoxoлcт Wlelton Эконом плотность 40 г/кв.м 1x50 м', '25.апр'), glassFiber, idf);
    const empty = scoreCandidate(line('Cтeклoxoлcт Wlelton Эконом плотность 40 г/кв.м 1x50 м', ''), glassFiber, idf);

    expect(detailsOf(unknown, 'unit_unknown')).toEqual(['25.апр']);
    expect(detailsOf(empty, 'unit_unknown')).toEqual(['—']);
    expect(detailsOf(known, 'unit_unknown')).toEqual([]);
    expect(unknown.score).toBeLessThan(known.score);
    expect(unknown.unitCoefficient).toBeNull();
  });

  it('lifts a shared article code to the review band', () => {
    // Q0001 against TER-12586: the words differ, the manufacturer code is the same.
    const candidate = scoreCandidate(
      line('Евроконус Rehau Rautitan Flex 16 мм х 3/4 для труб из сшитого полиэтилена (12663521003)', 'шт'),
      item('TER-12586', '*12663521003 REHAU RAUTITAN Резьбозажимное соединение flex/pink 16х2,2xG3/4', 'шт'),
      idf,
    );

    expect(detailsOf(candidate, 'article_match')).toEqual(['12663521003']);
    expect(candidate.score).toBeGreaterThanOrEqual(0.7);
  });

  it('keeps the score in 0..1 with three decimals', () => {
    const name = 'Гипсокартон Волма 2500х1200х12,5 мм влагостойкий';
    const candidate = scoreCandidate(line(name, 'лист'), item('PET-137941', name, 'лист'), idf);

    expect(candidate.score).toBe(1);
    expect(candidate.sku).toBe('PET-137941');
    expect(candidate.name).toBe(name);
    expect(candidate.unit).toBe('лист');

    // Q0058 against PET-106958: a partial match.
    const partial = scoreCandidate(line('Штукатурка Ротбанд 30 кг', ''), item('PET-106958', 'Штукатурка гипсовая Knauf Ротбанд 30 кг', 'уп'), idf);
    expect(partial.score).toBeGreaterThan(0);
    expect(partial.score).toBeLessThan(1);
    expect(Math.round(partial.score * 1000) / 1000).toBe(partial.score);
  });
});

const SETTINGS: DecisionSettings = { acceptThreshold: 0.8, reviewThreshold: 0.45, minMargin: 0.05 };

function scored(sku: string, score: number, conflicts = 0, unitUnresolved = false): ScoredCandidate {
  return { sku, name: sku, unit: 'шт', score, unitCoefficient: unitUnresolved ? null : 1, reasons: [], conflicts, unitUnresolved };
}

describe('decide', () => {
  it('matches a clear best candidate', () => {
    const decision = decide([scored('A', 0.95), scored('B', 0.7)], SETTINGS);

    expect(decision.status).toBe('matched');
    expect(decision.best?.sku).toBe('A');
    expect(decision.reasons).toEqual([]);
  });

  it('matches a lone candidate at the accept threshold', () => {
    expect(decide([scored('A', 0.8)], SETTINGS).status).toBe('matched');
  });

  it('sends a score between the thresholds to review', () => {
    const decision = decide([scored('A', 0.7)], SETTINGS);

    expect(decision.status).toBe('needs_review');
    expect(decision.best?.sku).toBe('A');
    expect(decision.reasons).toEqual([{ code: 'below_threshold', detail: '0.700' }]);
  });

  it('sends a score at the review threshold to review', () => {
    expect(decide([scored('A', 0.45)], SETTINGS).status).toBe('needs_review');
  });

  it('sends a high score with a conflict to review', () => {
    const decision = decide([scored('A', 0.95, 1)], SETTINGS);

    expect(decision.status).toBe('needs_review');
    expect(decision.reasons).toEqual([]);
  });

  it('sends a close second candidate to review', () => {
    const decision = decide([scored('A', 0.95), scored('B', 0.93)], SETTINGS);

    expect(decision.status).toBe('needs_review');
    expect(decision.reasons).toEqual([{ code: 'ambiguous', detail: 'B 0.930' }]);
  });

  it('measures the margin against another SKU only', () => {
    const decision = decide([scored('A', 0.95), scored('A', 0.94), scored('B', 0.6)], SETTINGS);

    expect(decision.status).toBe('matched');
  });

  it('gives no match below the review threshold', () => {
    const decision = decide([scored('A', 0.3)], SETTINGS);

    expect(decision.status).toBe('no_match');
    expect(decision.best?.sku).toBe('A');
    expect(decision.reasons).toEqual([{ code: 'below_threshold', detail: '0.300' }]);
  });

  it('gives no match without candidates', () => {
    const decision = decide([], SETTINGS);

    expect(decision.status).toBe('no_match');
    expect(decision.best).toBeNull();
    expect(decision.reasons).toEqual([{ code: 'below_threshold', detail: '—' }]);
  });

  it('sends a unit that cannot be converted to review', () => {
    const decision = decide([scored('A', 0.95, 0, true), scored('B', 0.5)], SETTINGS);

    expect(decision.status).toBe('needs_review');
    expect(decision.best?.sku).toBe('A');
  });

  it('takes the thresholds from the settings', () => {
    const ranked = [scored('A', 0.9), scored('B', 0.5)];

    expect(decide(ranked, SETTINGS).status).toBe('matched');
    expect(decide(ranked, { ...SETTINGS, acceptThreshold: 0.95 }).status).toBe('needs_review');
    expect(decide(ranked, { ...SETTINGS, reviewThreshold: 0.95, acceptThreshold: 0.97 }).status).toBe('no_match');
    expect(decide(ranked, { ...SETTINGS, minMargin: 0.5 }).status).toBe('needs_review');
  });

  it('matches a lead of exactly minMargin', () => {
    const settings = { ...SETTINGS, minMargin: 0.04 };

    expect(decide([scored('A', 0.84), scored('B', 0.8)], settings).status).toBe('matched');
    expect(decide([scored('A', 0.9), scored('B', 0.86)], settings).status).toBe('matched');
    expect(decide([scored('A', 0.84), scored('B', 0.801)], settings).status).toBe('needs_review');
  });
});
