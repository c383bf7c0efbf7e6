// Names below are real: catalog items of test/fixtures/data/catalog.csv (named by SKU) and
// supplier lines of test/fixtures/eval/queries.csv (named by id), unless marked otherwise.

import { describe, expect, it } from 'vitest';

import { normalizeText, transliterateLatin } from '../../../src-worker/pipeline/normalize-text.js';

describe('normalizeText look-alike letters', () => {
  it.each([
    // Q0214: Latin C, e, o, x, c inside a Cyrillic word.
    ['Cтeклoxoлcт Wlelton Эконом плотность 40 г/кв.м 1x50 м', 'стеклохолст wlelton эконом плотность 40 г/м2 1x50 м'],
    // Q0206: Latin P, a, e.
    ['Грунт Pacцвeт ГФ-021 сер. 0,9кг', 'грунт расцвет гф-021 сер. 0.9 кг'],
    // Q0195: a Cyrillic brand written only with Latin look-alikes and one Cyrillic н.
    ['Клей для газбоетона Pyceaн 25 кг', 'клей для газбоетона русеан 25 кг'],
    // Q0212: Latin B, O, E, A inside Cyrillic words next to a Latin brand.
    ['БАЛЛОН ГBOЗДEЗAБИBATEЛЯ TOUA НА 1000 ГВОЗДЕЙ', 'баллон гвоздезабивателя toua на 1000 гвоздей'],
    // Q0257: lower-case Latin a, p, o inside Cyrillic words.
    ['Воздуxовод гибкий гофрированный apмиpoвaнный Era полимерный d100мм 2м', 'воздуховод гибкий гофрированный армированный era полимерный d100 мм 2 м'],
  ])('brings Latin letters of a Cyrillic word to Cyrillic: %s', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('brings a Cyrillic Х inside a Latin brand to Latin', () => {
    // Q0220's `HARD-FIХ` ends with a Cyrillic Х, and the catalog item PET-977081 writes `Hard-Fix`.
    const line = normalizeText('САМОРЕЗЫ КЛОПЫ 13Х4,2 ММ УСИЛЕННЫЕ HARD-FIХ (1000 ШТ.)');
    const item = normalizeText('Саморезы клопы 13x4,2 мм усиленные Hard-Fix (1000 шт.)');

    expect(line).toBe('саморезы клопы 13x4.2 мм усиленные hard-fix (1000 шт.)');
    expect(line).toBe(item);
  });

  it('spells a grade the same in both scripts', () => {
    // PET-100826 writes `A500С` with a Latin A, and Q0085 writes `А500С` in Cyrillic.
    const spellings = ['Арматура A500С', 'Арматура А500С', 'Арматура A500C'];
    for (const spelling of spellings) expect(normalizeText(spelling)).toBe('арматура а500с');

    // Q0182 writes `СТ17` in Cyrillic beside a Latin-lettered `Цepeзит`. A Latin `CT17` meets it.
    expect(normalizeText('Цepeзит Грунт СТ17 PRO 10л')).toBe('церезит грунт ст17 pro 10 л');
    expect(normalizeText('CT17')).toBe(normalizeText('СТ17'));
    expect(normalizeText('Профнастил C21')).toBe(normalizeText('Профнастил С21'));
  });

  it('brings a look-alike-only word to one script', () => {
    expect(normalizeText('Ниппель HH')).toBe('ниппель нн');
    expect(normalizeText('Ниппель НН')).toBe('ниппель нн');
  });
  it('brings a lone look-alike letter to one script', () => {
    expect(normalizeText('ПyГBнг(A)-LS')).toBe(normalizeText('ПуГВнг(А)-LS'));
    expect(normalizeText('ПуГВнг(А)-LS')).toContain('(а)');
  });
  it('reads a Latin M after a number as metres', () => {
    expect(normalizeText('50ММ 50M')).toBe('50 мм 50 м');
  });
});

describe('normalizeText numbers and units', () => {
  it('splits a number from the unit glued to it', () => {
    expect(normalizeText('Шпаклевка гипсовая Knauf Ротбанд Финиш 25кг')).toBe('шпаклевка гипсовая knauf ротбанд финиш 25 кг');
    expect(normalizeText('белый Герметик аркиловый малярный Tytan 310мл')).toBe('белый герметик аркиловый малярный tytan 310 мл');
    expect(normalizeText('ВИБРОШАЙБА SOUNDGUARD 19Х10ММ (50ШТ.)')).toBe('виброшайба soundguard 19x10 мм (50 шт.)');
    expect(normalizeText('Хомут Rehau Raupiano Plus d110мм опорный под шпильку')).toBe('хомут rehau raupiano plus d110 мм опорный под шпильку');
  });

  it('keeps the letters of a grade glued to its digits', () => {
    expect(normalizeText('Эмаль Ярославские краски ПФ-115 глянцевая')).toBe('эмаль ярославские краски пф-115 глянцевая');
    expect(normalizeText('Штукатурка гипсовая Knauf МП-75 машинная 30кг')).toBe('штукатурка гипсовая knauf мп-75 машинная 30 кг');
    expect(normalizeText('Газобетон ЛСР 100х250х625 мм D400')).toBe('газобетон лср 100x250x625 мм d400');
    expect(normalizeText('Лента светодиодная SMD 3528 6000К 220 В 4,8 Вт/м 1 м IP67')).toContain(' ip67');
  });

  it('writes a decimal comma as a point', () => {
    expect(normalizeText('ГСП 12,5 мм влаг.')).toBe('гсп 12.5 мм влаг.');
    expect(normalizeText('Гипсокартон обычный 12,5 мм')).toBe(normalizeText('Гипсокартон обычный 12.5мм'));
  });

  it.each([
    // Cyrillic Х with a decimal comma (Q0347).
    ['ГИПСОКАРТОН ВОЛМА 2500Х1200Х12,5 ММ ВЛАГОСТОЙКИЙ', 'гипсокартон волма 2500x1200x12.5 мм влагостойкий'],
    // Latin x (Q0091).
    ['Сетка сварная 50x50x4мм', 'сетка сварная 50x50x4 мм'],
    // Cyrillic х inside brackets, glued to the unit (a store's JSON name).
    ['Плита OSB-3 (ОСП) Талион (18х1250х2500мм)', 'плита osb-3 (осп) талион (18x1250x2500 мм)'],
    // A capital Latin X after a space (TER-12572648).
    ['Удлинитель хромированный 1 X25 (2600D8B102500B)', 'удлинитель хромированный 1x25 (2600d8b102500b)'],
    // Four sides (Q0128).
    ['Профиль для коллектора Walraven BIS RapidRail WM0 27x18x1,2x2000мм', 'профиль для коллектора walraven bis rapidrail wm0 27x18x1.2x2000 мм'],
  ])('writes the size separator as Latin x: %s', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('writes area and volume units as м2 and м3', () => {
    expect(normalizeText('Пленка защитная 40 мкм 4х5 м (20 кв.м)')).toBe('пленка защитная 40 мкм 4x5 м (20 м2)');
    expect(normalizeText('Бикрост ХПП (15,0x1,0) плёнка (15 м²)')).toBe('бикрост хпп (15.0x1.0) пленка (15 м2)');
    expect(normalizeText('Шумоизоляция Rockwool Акустик Баттс 50х600х1000 мм 6 кв.м')).toBe('шумоизоляция rockwool акустик баттс 50x600x1000 мм 6 м2');
    expect(normalizeText('КЕРАМЗИТ ФРАКЦИЯ 5-10ММ 0,05 КУБ.М')).toBe('керамзит фракция 5-10 мм 0.05 м3');
    expect(normalizeText('Клемма на 3 провода Wago 2273-243 0,5-2,5 кв. мм')).toBe('клемма на 3 провода wago 2273-243 0.5-2.5 мм2');
  });

  it('writes running metres as м', () => {
    // Q0204 against its catalog item PET-152424: glued numbers and `пог.м` on both sides.
    const line = normalizeText('Пленка техническая полиэтиленовая 150 мкм 3м рукав 1,5м пог.м эконом');
    const item = normalizeText('Пленка техническая полиэтиленовая 150 мкм 3 м рукав 1,5 м пог.м эконом');

    expect(line).toBe(item);
    expect(line).not.toContain('пог');
    expect(normalizeText('Пленка черная Изостронг 150 мкм 3 м рукав 1,5 м. пог.м.')).not.toContain('пог');
  });

  it('writes a diameter sign as d joined to its number', () => {
    expect(normalizeText('Арматура А500С Ø14мм')).toBe('арматура а500с d14 мм');
    expect(normalizeText('КОРОНКА АЛМАЗНАЯ ПРАКТИКА (035-080) ПО КЕРАМОГРАНИТУ D30 ММ')).toBe('коронка алмазная практика (035-080) по керамограниту d30 мм');
    expect(normalizeText('11230941001 REHAU RAUPIANO Отвод диам. 40 на 87°')).toBe('11230941001 rehau raupiano отвод d40 на 87°');
  });
});

describe('normalizeText article codes', () => {
  it.each([
    ['SFT-0010-000034 STOUT Угоьлник НН никелированный 3/4 (270020N050500B)', '(270020n050500b)'],
    ['Удлинитель хромированный 1/2X10 (2600D8B041000B)', '(2600d8b041000b)'],
    ['SFT-0040-000001 STOUT Разъемное соединение американка ВН (2700I2H101000B)', '(2700i2h101000b)'],
    ['СТЯЖКА КАБЕЛЬНАЯ SYSTMEE ELECTRIC MULTISET 150Х3,6 ММ НЕЙЛОНОВАЯ ЧЕРН. (100 ШТ.) (IMT15036B)', '(imt15036b)'],
    ['Mirka Диск шлифовальный Abranet d225мм P180 на липучку (5422302518) (фасовка 3 шт)', '(5422302518)'],
  ])('keeps a long article code whole: %s', (input, code) => {
    expect(normalizeText(input)).toContain(code);
  });
});

describe('normalizeText case, letters and spaces', () => {
  it('writes ё as е', () => {
    expect(normalizeText('Краска акриловая «Шедевр» цвет чёрный 60 г')).toBe('краска акриловая шедевр цвет черный 60 г');
    expect(normalizeText('КР-КА АЭРОЗОЛЬНАЯ ULTIMA МАТОВАЯ ЦВЕТ ЧЁНРЫЙ RAL 9005')).toBe('кр-ка аэрозольная ultima матовая цвет ченрый ral 9005');
  });

  it('collapses double and trailing spaces', () => {
    expect(normalizeText('Штукатурка гипсовая Лучшая Цена  30 кг ')).toBe('штукатурка гипсовая лучшая цена 30 кг');
    expect(normalizeText('Кабель  3х1,5   (100 м)')).toBe('кабель 3x1.5 (100 м)');
  });

  it('returns the same text when applied twice', () => {
    const once = normalizeText('ДЮБЕЛЬ ДЛЯ ГАЗОБЕОТНА 8X60 ММ (10 ШТ.) CTAЛЬ');

    expect(once).toBe('дюбель для газобеотна 8x60 мм (10 шт.) сталь');
    expect(normalizeText(once)).toBe(once);
  });
});

describe('transliterateLatin', () => {
  it.each([
    ['knauf', 'кнауф'],
    ['rehau', 'рехау'],
    ['rockwool', 'роквул'],
    ['bergauf', 'бергауф'],
    ['volma', 'волма'],
  ])('writes the brand %s in Cyrillic', (latin, cyrillic) => {
    expect(transliterateLatin(latin)).toBe(cyrillic);
  });
});
