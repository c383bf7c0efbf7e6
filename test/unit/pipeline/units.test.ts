// Unit spellings below were seen in the unit columns and names of real price lists and catalogs
// (Петрович and Терем exports, Leroy Merlin pages, supplier test files). Names are real: catalog
// items of test/fixtures/data/catalog.csv (named by SKU) and supplier lines of
// test/fixtures/eval/queries.csv (named by id), unless marked otherwise.

import { describe, expect, it } from 'vitest';

import { extractAttributes } from '../../../src-worker/pipeline/attributes.js';
import { normalizeText } from '../../../src-worker/pipeline/normalize-text.js';
import { type Coefficient, normalizeUnit, unitCoefficient } from '../../../src-worker/pipeline/units.js';

function coefficient(lineName: string, lineUnit: string, itemName: string, itemUnit: string): Coefficient {
  return unitCoefficient(
    normalizeUnit(lineUnit),
    extractAttributes(normalizeText(lineName)),
    normalizeUnit(itemUnit),
    extractAttributes(normalizeText(itemName)),
  );
}

describe('normalizeUnit', () => {
  it.each([
    // Unit column of the Петрович and Терем export.
    ['Цена за штуку', 'шт'],
    ['Цена за упаковку', 'уп'],
    ['Цена за погонный метр', 'м'],
    ['Цена за метр погонный', 'м'],
    ['Цена за рулон', 'рул'],
    ['Цена за лист', 'лист'],
    ['Цена за пару (2 шт.)', 'пара'],
    // Supplier test files and their unit dictionary.
    ['шт', 'шт'],
    ['кг', 'кг'],
    ['м³', 'м3'],
    ['м²', 'м2'],
    ['м', 'м'],
    ['л', 'л'],
    ['мешок', 'меш'],
    ['pcs', 'шт'],
    ['т', 'т'],
    ['kg', 'кг'],
    ['килограмм', 'кг'],
    ['g', 'г'],
    ['t', 'т'],
    ['тонн', 'т'],
    ['meter', 'м'],
    ['cm', 'см'],
    ['mm', 'мм'],
    ['sq.m', 'м2'],
    ['square meter', 'м2'],
    ['cubic meter', 'м3'],
    // A shop's unit table, Leroy Merlin's data-unit code and a store's JSON unit field.
    ['шт.', 'шт'],
    ['NIU', 'шт'],
    ['шт (data-unit=NIU)', 'шт'],
    ['за шт.', 'шт'],
    // Spellings inside names that also appear as unit cells.
    ['кв.м', 'м2'],
    ['пог.м', 'м'],
    ['пог.м.', 'м'],
    ['куб.м', 'м3'],
    ['рулон', 'рул'],
    ['мм', 'мм'],
    ['см', 'см'],
    // Unit cells of the supplier lines in the development set.
    ['уп.', 'уп'],
    ['упак', 'уп'],
    ['пач', 'уп'],
    ['штука', 'шт'],
    ['ШТ', 'шт'],
    ['м.п.', 'м'],
    ['мп', 'м'],
    ['п.м', 'м'],
    ['м.кв.', 'м2'],
    ['м2', 'м2'],
    ['меш', 'меш'],
    ['меш.', 'меш'],
    ['рул.', 'рул'],
    ['бухта', 'бухта'],
    ['ведро', 'ведро'],
    ['лист', 'лист'],
  ])('normalizes %s to %s', (raw, unit) => {
    expect(normalizeUnit(raw)?.unit).toBe(unit);
  });

  it('gives measure classes and factors to the base unit', () => {
    expect(normalizeUnit('т')).toEqual({ unit: 'т', measureClass: 'mass', factor: 1000 });
    expect(normalizeUnit('м³')).toEqual({ unit: 'м3', measureClass: 'volume', factor: 1000 });
    expect(normalizeUnit('Цена за пару (2 шт.)')).toEqual({ unit: 'пара', measureClass: 'count', factor: 2 });
    expect(normalizeUnit('мешок')).toEqual({ unit: 'меш', measureClass: 'container', factor: 1 });
  });

  it('reads мл as a thousandth of a litre', () => {
    const info = normalizeUnit('мл');

    expect(info?.measureClass).toBe('volume');
    expect(info?.factor).toBe(0.001);
  });

  it.each([
    ['an empty cell', ''],
    ['a blank cell', '   '],
    ['a surface density', 'г/кв.м'],
    ['a surface density in м2', 'г/м2'],
    ['a paint coverage', 'м2/л'],
    ['a film thickness', 'мкм'],
    ['a date that a spreadsheet made of a price', '25.апр'],
  ])('returns null for %s', (_case, raw) => {
    expect(normalizeUnit(raw)).toBeNull();
  });

  it('returns null for a missing cell', () => {
    expect(normalizeUnit(null)).toBeNull();
    expect(normalizeUnit(undefined)).toBeNull();
  });
});

describe('unitCoefficient', () => {
  it('reads the mass of a bag from the name', () => {
    // A typical supplier line for bagged cement (made up) against Q0067's name, sold per kg.
    const result = coefficient('Цемент М500 Д0 ПЦ 50кг', 'меш', 'Цемент М500', 'кг');

    expect(result.value).toBe(50);
    expect(result.explanation).toContain('1 меш = 50 кг');
  });

  it('converts tonnes to kilograms', () => {
    const result = coefficient('Цемент М500', 'т', 'Цемент портландский М500', 'кг');

    expect(result.value).toBe(1000);
    expect(result.explanation).toBe('1 т = 1000 кг');
  });

  it('converts a price per m2 of sheets to sheets', () => {
    // Q0347 against PET-137941: a 2500x1200 sheet is 3 m2.
    const result = coefficient('ГИПСОКАРТОН ВОЛМА 2500Х1200Х12,5 ММ ВЛАГОСТОЙКИЙ', 'м.кв.', 'Гипсокартон Волма 2500х1200х12,5 мм влагостойкий', 'лист');

    expect(result.value).toBeCloseTo(1 / 3, 6);
    expect(result.explanation).toContain('1 лист = 3 м2');
  });

  it.each([
    // Q0348 against PET-157940: 2.4 m2 a sheet.
    ['ГИПСОКАРТОН KNAUF 2000Х1200Х12,5 ММ ВЛАГОСТОЙКИЙ', 'Гипсокартон Knauf 2000х1200х12,5 мм влагостойкий', 1 / 2.4],
    // Q0353 against PET-132152: 0.72 m2 a sheet.
    ['ЛИСТ АЛЮМИНИЕВЫЙ КВИНТЕТ 1,5X600X1200 ММ РИФЛЕНЫЙ', 'Лист алюминиевый Квинтет 1,5х600х1200 мм рифленый', 1 / 0.72],
  ])('converts m2 to sheets of %s', (lineName, itemName, expected) => {
    expect(coefficient(lineName, 'м2', itemName, 'лист').value).toBeCloseTo(expected, 5);
  });

  it('converts a sheet to m2', () => {
    expect(coefficient('Гипсокартон Волма 2500х1200х12,5 мм влагостойкий', 'Цена за лист', 'Гипсокартон Волма 2500х1200х12,5 мм влагостойкий', 'м2').value).toBe(3);
  });

  it('converts a coil of 100 m to metres', () => {
    // Q0362 against PET-670987, sold per metre.
    const result = coefficient('Кабэкс Каебль ВВГнг(А)-LS 5х1,5 (бухта 100м)', 'бухта', 'Кабель Кабэкс ВВГнг(А)-LS 5х1,5', 'м');

    expect(result.value).toBe(100);
    expect(result.explanation).toContain('1 бухта = 100 м');
  });

  it('converts a piece of cable with its length in brackets to metres', () => {
    expect(coefficient('Кабель Кабэкс ВВГнг(А)-LS 3х1,5 (100 м)', 'шт', 'Кабель Кабэкс ВВГнг(А)-LS 3х1,5', 'Цена за метр погонный').value).toBe(100);
  });

  it('converts a piece to a pack of the count in the names', () => {
    // Q0379 against PET-168161: price per piece, pack of 30 in the catalog.
    const result = coefficient('ЗАБИВНОЙ АНКЕР ДЛЯ БЕТОНА 12Х50 ММ СТАЛЬНОЙ (фасовка 30 шт)', 'шт', 'Анкер забивной для бетона 12х50 мм стальной (30 шт.)', 'уп');

    expect(result.value).toBeCloseTo(1 / 30, 6);
    expect(result.explanation).toContain('1 уп = 30 шт');
  });

  it('converts a pack to pieces', () => {
    // Q0174's line against PET-606377's name without its pack count, as if sold per piece.
    const line = 'Крепления для маячкового профиля Knauf Крмемер клипс универсальные (упак. 250шт)';

    expect(coefficient(line, 'уп.', 'Крепления для маячкового профиля Knauf Креммер клипс универсальные', 'шт').value).toBe(250);
  });

  it('converts a pair to pieces', () => {
    const name = 'Перчатки х/б 5 нитей с латексным обливом 10 (XL)';

    expect(coefficient(name, 'Цена за пару (2 шт.)', name, 'шт').value).toBe(2);
  });

  it('reads either measure of a bucket of 17 л/28 кг', () => {
    const line = 'Шпатлевка Danogips SuperFinish универсальная 17 л/28 кг';

    expect(coefficient(line, 'шт', 'Шпатлевка Danogips SuperFinish универсальная', 'кг').value).toBe(28);
    expect(coefficient(line, 'шт', 'Шпатлевка Danogips SuperFinish универсальная', 'л').value).toBe(17);
  });

  it('reads either measure of a can of 1 кг/0,9 л', () => {
    const line = 'Клей контактный каучуковый SoundGuard универсальный 1 кг/0,9 л';

    expect(coefficient(line, 'шт', 'Клей контактный каучуковый SoundGuard универсальный', 'кг').value).toBe(1);
    expect(coefficient(line, 'шт', 'Клей контактный каучуковый SoundGuard универсальный', 'л').value).toBe(0.9);
  });

  it('converts a roll with its area in the name to m2', () => {
    expect(coefficient('Пленка защитная 40 мкм 4х5 м (20 кв.м)', 'Цена за рулон', 'Пленка защитная 40 мкм 4х5 м (20 кв.м)', 'м2').value).toBe(20);
  });

  it('matches a piece and a pack of the same mass one to one', () => {
    // Q0003 against PET-106958, which the catalog sells per pack.
    const result = coefficient('Штукатурка гипсовая Knauf Ротбанд 30 кг', 'шт (data-unit=NIU)', 'Штукатурка гипсовая Knauf Ротбанд 30 кг', 'уп');

    expect(result.value).toBe(1);
  });

  it('returns 1 with no explanation for the same unit', () => {
    expect(coefficient('Саморезы ГД 75x4,2 мм (100 шт.)', 'Цена за упаковку', 'Саморезы ГД 75x4,2 мм (100 шт.)', 'уп')).toEqual({ value: 1, explanation: null });
  });

  it('returns null for rebar per kg against rods of unknown length', () => {
    // Q0087 against RSA-ARM0002: no length, so the rods per kg are unknown.
    expect(coefficient('Арматура А500С 14мм', 'кг', 'Арматура А500С Ø14мм', 'шт')).toEqual({ value: null, explanation: null });
    expect(coefficient('Арматура А500С 14мм', 'т', 'Арматура А500С Ø14мм', 'шт').value).toBeNull();
  });

  it('returns null for rebar per kg against rods with no mass per metre', () => {
    // Q0085 against PET-100826: the rod is 2.9 m, but the name gives no mass per metre.
    expect(coefficient('Арматура А500С 10мм', 'кг', 'Арматура 10 мм 2,9 м рифленая A500С', 'шт').value).toBeNull();
  });

  it('returns null when a unit is unknown or empty', () => {
    expect(coefficient('ГСП 12,5 мм влаг.', '', 'Гипсокартон влагостойкий 12.5мм', 'шт').value).toBeNull();
    expect(coefficient('Гипсокартон влагостойкий 12.5мм', 'шт', 'Гипсокартон влагостойкий 12.5мм', '').value).toBeNull();
  });

  it('converts a roll of width x length to m2', () => {
    expect(coefficient('Стеклохолст Wellton Эконом плотность 40 г/кв.м 1х50 м', 'рул', 'Стеклохолст Wellton Эконом плотность 40 г/кв.м 1х50 м', 'м2').value).toBe(50);
  });
  it('converts m2 to a roll of width x length', () => {
    const value = coefficient('Пленка воздушно-пузырчатая Изостронг 1,5х10 м рулон', 'м2', 'Пленка воздушно-пузырчатая Изостронг 1,5х10 м рулон', 'рул').value;

    expect(value).toBeCloseTo(1 / 15, 5);
  });
});
