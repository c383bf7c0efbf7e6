// Names below are real: catalog items of test/fixtures/data/catalog.csv (named by SKU) and
// supplier lines of test/fixtures/eval/queries.csv (named by id), unless marked otherwise.

import { describe, expect, it } from 'vitest';

import type { FactKind } from '../../../src-worker/pipeline/attributes.js';
import { type AttributeComparison, compareAttributes, type PackKinds, PENALTY } from '../../../src-worker/pipeline/compare-attributes.js';
import { parseName } from '../../../src-worker/pipeline/parse-name.js';
import type { ReasonCode } from '../../../src-worker/pipeline/types.js';

function compare(line: string, item: string, packKinds?: PackKinds): AttributeComparison {
  const parsedLine = parseName(line);
  const parsedItem = parseName(item);
  return compareAttributes(parsedLine.attributes, parsedLine.colors, parsedItem.attributes, parsedItem.colors, packKinds);
}

function detailsOf(result: AttributeComparison, code: ReasonCode): (string | undefined)[] {
  return result.reasons.filter((reason) => reason.code === code).map((reason) => reason.detail);
}

describe('compareAttributes grades', () => {
  it('gives a match reason for the same grade', () => {
    const result = compare('Цемент М500', 'Цемент портландский М500');

    expect(result.factor).toBe(1);
    expect(result.conflicts).toBe(0);
    expect(detailsOf(result, 'grade_match')).toEqual(['м500']);
  });

  it('counts a conflict for another grade', () => {
    const result = compare('Цемент М500', 'Цемент портландский М400');

    expect(result.conflicts).toBe(1);
    expect(result.factor).toBeLessThanOrEqual(PENALTY.conflict);
    expect(detailsOf(result, 'grade_conflict')).toEqual(['м500 ≠ м400']);
  });
});

describe('compareAttributes sizes and packs', () => {
  it('counts a conflict for another screw size', () => {
    // Q0220 against PET-107142: same pack of 1000, 13 mm against 25 mm screws.
    const result = compare('САМОРЕЗЫ КЛОПЫ 13Х4,2 ММ УСИЛЕННЫЕ HARD-FIХ (1000 ШТ.)', 'Саморезы клопы 25x4,2 мм (1000 шт.)');

    expect(result.conflicts).toBe(1);
    expect(result.factor).toBeLessThanOrEqual(PENALTY.conflict);
    expect(detailsOf(result, 'measure_conflict')).toEqual(['13x4.2 мм ≠ 25x4.2 мм']);
    expect(detailsOf(result, 'measure_match')).toEqual(['1000 шт']);
  });

  it('gives match reasons for the same size and pack', () => {
    // Q0386 against PET-107178.
    const result = compare('Саморзеы ГД 75x4,2 мм (фасовка 100 шт)', 'Саморезы ГД 75x4,2 мм (100 шт.)');

    expect(result.factor).toBe(1);
    expect(result.conflicts).toBe(0);
    expect(detailsOf(result, 'measure_match')).toEqual(['100 шт', '75x4.2 мм']);
  });

  it('counts a conflict for another pack count', () => {
    // Q0386 against PET-107178 with its pack changed to 250 (made up).
    const result = compare('Саморзеы ГД 75x4,2 мм (фасовка 100 шт)', 'Саморезы ГД 75x4,2 мм (250 шт.)');

    expect(result.conflicts).toBe(1);
    expect(detailsOf(result, 'measure_conflict')).toEqual(['100 шт ≠ 250 шт']);
  });

  it.each([
    // Q0015 against PET-106958.
    ['Штукатурка гипсовая Knauf Ротбанд 10 кг', 'Штукатурка гипсовая Knauf Ротбанд 30 кг', '10 кг ≠ 30 кг'],
    // Q0409 against PET-612704.
    ['ПЕСКОБЕТОН (ЦПС) М300 DAUER 50КГ', 'Пескобетон (ЦПС) М300 Dauer 40 кг', '50 кг ≠ 40 кг'],
  ])('counts a conflict for another bag mass: %s', (line, item, detail) => {
    const result = compare(line, item);

    expect(result.conflicts).toBe(1);
    expect(result.factor).toBeLessThanOrEqual(PENALTY.conflict);
    expect(detailsOf(result, 'measure_conflict')).toEqual([detail]);
  });

  it('compares a bare mm size with a diameter', () => {
    // Q0087 and a 12 mm variant against RSA-ARM0002.
    const same = compare('Арматура А500С 14мм', 'Арматура А500С Ø14мм');
    const other = compare('Арматура А500С 12мм', 'Арматура А500С Ø14мм');

    expect(same.conflicts).toBe(0);
    expect(detailsOf(same, 'measure_match')).toEqual(['14 мм']);
    expect(other.conflicts).toBe(1);
    expect(detailsOf(other, 'measure_conflict')).toEqual(['12 мм ≠ d14 мм']);
  });

  it('takes no penalty for a coil length that the unit explains', () => {
    // Q0362 against PET-670987, sold per metre: the coil's 100 m is the unit, not a size.
    const line = 'Кабэкс Каебль ВВГнг(А)-LS 5х1,5 (бухта 100м)';
    const item = 'Кабель Кабэкс ВВГнг(А)-LS 5х1,5';
    const packKinds: PackKinds = { lineOnly: new Set<FactKind>(['length']), itemOnly: new Set<FactKind>() };

    const plain = compare(line, item);
    const explained = compare(line, item, packKinds);

    expect(detailsOf(plain, 'measure_missing')).toEqual(['100 м']);
    expect(detailsOf(explained, 'measure_missing')).toEqual([]);
    expect(explained.factor).toBeGreaterThan(plain.factor);
    expect(explained.factor).toBe(1);
  });
});

describe('compareAttributes colors', () => {
  it('gives a match reason for the same color', () => {
    // Q0371 against PET-997055.
    const result = compare('Камкабель Провод ПyГBнг(A)-LS 1x6 белый (бухта 100м)', 'Провод Камкабель ПуГВнг(А)-LS 1х6 белый');

    expect(result.conflicts).toBe(0);
    expect(detailsOf(result, 'color_match')).toEqual(['белый']);
  });

  it('counts a conflict for another color', () => {
    // PET-997055 against PET-997057: the same wire in white and in blue.
    const result = compare('Провод Камкабель ПуГВнг(А)-LS 1х6 белый', 'Провод Камкабель ПуГВнг(А)-LS 1х6 синий');

    expect(result.conflicts).toBe(1);
    expect(result.factor).toBeLessThanOrEqual(PENALTY.colorConflict);
    expect(detailsOf(result, 'color_conflict')).toEqual(['белый ≠ синий']);
  });

  it('compares colors given as RAL codes', () => {
    // LM-18760796 against PET-602990: black RAL 9005 against white RAL 9003.
    const result = compare('Краска аэрозольная Ultima матовая цвет чёрный RAL 9005', 'Грунт-эмаль аэрозольная для пластика Kudo белая матовая RAL 9003 520 мл');

    expect(detailsOf(result, 'color_conflict')).toEqual(['черный ≠ белый']);
  });

  it('lowers the score a little for a color on one side only', () => {
    // Q0207 against the same sealant with its color left out (made up).
    const result = compare('белый Герметик аркиловый малярный Tytan 310мл', 'Герметик акриловый малярный Tytan 310 мл');

    expect(result.conflicts).toBe(0);
    expect(result.factor).toBeLessThan(1);
    expect(result.factor).toBeGreaterThan(PENALTY.colorConflict);
    expect(detailsOf(result, 'color_missing')).toEqual(['белый']);
  });
});

describe('compareAttributes article codes', () => {
  it('reports the shared codes', () => {
    // Q0301 against TER-11144181.
    const result = compare('SFT-0010-000034 STOUT Угоьлник НН никелированный 3/4 (270020N050500B)', 'SFT-0010-000034 STOUT Угольник НН никелированный 3/4 (270020N050500B)');

    expect(result.articleMatch).toBe(true);
    expect(result.factor).toBe(1);
    expect(detailsOf(result, 'article_match')).toEqual(['sft-0010-000034, 270020n050500b']);
  });

  it('lowers the score for other codes', () => {
    // Q0301 against TER-11145946.
    const result = compare('SFT-0010-000034 STOUT Угоьлник НН никелированный 3/4 (270020N050500B)', 'SFT-0004-001414 STOUT Ниппель HH никелированный 1/4 (260000N020200B)');

    expect(result.articleMatch).toBe(false);
    expect(result.reasons.map((reason) => reason.code)).toContain('article_differs');
    expect(result.conflicts).toBe(1);
    expect(result.factor).toBeLessThan(PENALTY.articleDiffers * PENALTY.conflict + 1e-9);
  });
});

describe('compareAttributes totals', () => {
  it('gives identical names factor 1 and no conflicts', () => {
    const name = 'Гипсокартон Волма 2500х1200х12,5 мм влагостойкий';
    const result = compare(name, name);

    expect(result.factor).toBe(1);
    expect(result.conflicts).toBe(0);
  });

  it('counts every conflict and stops the factor at the floor', () => {
    // Two cement lines that differ in grade, bag mass and color (made up).
    const result = compare('Цемент М500 50 кг белый', 'Цемент М400 25 кг серый');

    expect(result.conflicts).toBe(3);
    expect(result.factor).toBeGreaterThanOrEqual(PENALTY.floor);
    expect(result.factor).toBeLessThan(PENALTY.conflict * PENALTY.conflict);
  });
});

describe('compareAttributes with several sizes', () => {
  it('finds one differing size among agreeing ones', () => {
    const result = compare('Профиль маячковый Оптима 6 мм 3 м 0,30 мм оцинкованный', 'Профиль маячковый Оптима 10 мм 3 м 0,30 мм оцинкованный');

    expect(result.conflicts).toBe(1);
    expect(detailsOf(result, 'measure_conflict')[0]).toContain('6 мм');
    expect(detailsOf(result, 'measure_match')).not.toContain('6 мм, 0.30 мм');
  });

  it('tells dotted article codes apart', () => {
    const result = compare('Угол Valtec 3/4 НР(ш) х 3/4 НР(ш) латунный (VTr.093.N.0005)', 'Угол Valtec 3/4 ВР(г) х 3/4 НР(ш) латунный (VTr.092.N.0005)');

    expect(result.articleMatch).toBe(false);
    expect(detailsOf(result, 'article_differs')).toHaveLength(1);
  });
});
