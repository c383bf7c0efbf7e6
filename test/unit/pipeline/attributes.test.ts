// Names below are real: catalog items of test/fixtures/data/catalog.csv (named by SKU) and
// supplier lines of test/fixtures/eval/queries.csv (named by id).

import { describe, expect, it } from 'vitest';

import { type Attributes, type FactKind, extractAttributes, packCount } from '../../../src-worker/pipeline/attributes.js';
import { normalizeText } from '../../../src-worker/pipeline/normalize-text.js';

function attributesOf(name: string): Attributes {
  return extractAttributes(normalizeText(name));
}

function factValues(attributes: Attributes, kind: FactKind): (number | string)[] {
  return attributes.facts.filter((fact) => fact.kind === kind).map((fact) => fact.value);
}

function gradeTexts(attributes: Attributes): string[] {
  return attributes.grades.map((grade) => grade.text);
}

describe('extractAttributes article codes', () => {
  it('takes a code with a leading star at the start of the name', () => {
    const attributes = attributesOf('*11301011005 REHAU RAUTITAN stabil труба универсальная 32х4.7 мм, прямые отрезки 5 м из сшитого полиэтилена');

    expect(attributes.articles).toEqual(['11301011005']);
    expect(attributes.residual).not.toContain('11301011005');
    expect(factValues(attributes, 'size')).toEqual(['32x4.7']);
    expect(factValues(attributes, 'length')).toEqual([5]);
  });

  it('takes a lettered code and a long code in brackets', () => {
    const attributes = attributesOf('SFT-0040-000001 STOUT Разъемное соединение американка ВН, уплотнение под гайкой o-ring кольцо 1 (2700I2H101000B)');

    expect(attributes.articles).toEqual(['sft-0040-000001', '2700i2h101000b']);
  });

  it('takes a code in brackets at the end', () => {
    const attributes = attributesOf('Водорозетка Rehau RX 16 мм х 1/2 ВР(г) (14563581001)');

    expect(attributes.articles).toEqual(['14563581001']);
    expect(factValues(attributes, 'dimension')).toEqual([16]);
    expect(factValues(attributes, 'fraction')).toEqual(['1/2']);
  });

  it('takes an accounting code with a slash', () => {
    // Q0139
    const attributes = attributesOf('Клемма на 2 провода Electrovolt 221-412 0,2-4 кв.мм с рычажками без пасты 6 шт/уп (ЦБ-00015528/605078)');

    expect(attributes.articles).toEqual(['цб-00015528/605078']);
  });

  it('takes a hyphenated code in brackets', () => {
    expect(attributesOf('КОРОНКА АЛМАЗНАЯ ПРАКТИКА (035-080) ПО КЕРАМОГРАНИТУ D30 ММ').articles).toEqual(['035-080']);
    expect(attributesOf('Шаптель малярный Hardy 120 мм с эpгoнoмичнoй ручкой (0830-820012)').articles).toEqual(['0830-820012']);
  });

  it('takes no code from a name without one', () => {
    expect(attributesOf('Штукатурка гипсовая Knauf Ротбанд 30 кг').articles).toEqual([]);
    expect(attributesOf('Газобетон ЛСР 100х250х625 мм D400').articles).toEqual([]);
  });

  it('takes a long code whose letters are all look-alikes', () => {
    const attributes = attributesOf('SFT-0003-003434 STOUT Ниппель НН 3/4 (260000H050500B)');

    expect(attributes.articles).toHaveLength(2);
    expect(attributes.articles[0]).toBe('sft-0003-003434');
  });
});

describe('extractAttributes grades', () => {
  it.each([
    ['Цемент Евроцемент М500 Д0 ЦЕМ I 42,5 50 кг', ['м500', 'д0']],
    ['Газобетон ЛСР 100х250х625 мм D400', ['d400']],
    ['Арматура А500С 10мм', ['а500с']],
    ['Арматура 10 мм 2,9 м рифленая A500С', ['а500с']],
    ['Профнастил С21 0.5мм', ['с21']],
    ['Эмаль Ярославские краски ПФ-115 глянцевая цвет светло-зелёный 2.2 кг', ['пф-115']],
    ['Вилка штепсельная Svet с заземлением IP44 черная', ['ip44']],
    ['Лента светодиодная SMD 3528 6000К 220 В 4,8 Вт/м 1 м IP67 Navigator (71770)', ['ip67']],
    ['Штукатурка гипсовая Knauf МП-75 машинная 30 кг', ['мп-75']],
  ])('finds the grades of %s', (name, grades) => {
    expect(gradeTexts(attributesOf(name))).toEqual(grades);
  });

  it('splits a grade into prefix and value', () => {
    const [grade] = attributesOf('Арматура А500С 10мм').grades;

    expect(grade).toEqual({ prefix: 'а', value: '500с', text: 'а500с' });
  });

  it('takes no grade from a unit or a size', () => {
    expect(gradeTexts(attributesOf('Пленка защитная 40 мкм 4х5 м (20 кв.м)'))).toEqual([]);
    expect(gradeTexts(attributesOf('Керамзит фракция 5-10 мм 0,05 куб.м'))).toEqual([]);
    expect(gradeTexts(attributesOf('Хомут Rehau Raupiano Plus d110мм опорный под шпильку'))).toEqual([]);
  });
});

describe('extractAttributes sizes, diameters and ranges', () => {
  it('takes a sheet size in millimetres', () => {
    const attributes = attributesOf('ГИПСОКАРТОН ВОЛМА 2500Х1200Х12,5 ММ ВЛАГОСТОЙКИЙ');

    expect(factValues(attributes, 'size')).toEqual(['2500x1200x12.5']);
    expect([...attributes.dimensionPool].sort((a, b) => a - b)).toEqual([12.5, 1200, 2500]);
  });

  it('converts a size in metres to millimetres', () => {
    expect(factValues(attributesOf('Пленка воздушно-пузырчатая Изостронг 1,5х10 м рулон'), 'size')).toEqual(['1500x10000']);
    expect(factValues(attributesOf('Пленка защитная 40 мкм 4х5 м (20 кв.м)'), 'size')).toEqual(['4000x5000']);
  });

  it('takes a cable section as a size and its coil as a length', () => {
    const attributes = attributesOf('Кабель Кабэкс ВВГнг(А)-LS 3х1,5 (100 м)');

    expect(factValues(attributes, 'size')).toEqual(['3x1.5']);
    expect(factValues(attributes, 'length')).toEqual([100]);
  });

  it('takes a diameter written with d or Ø', () => {
    expect(factValues(attributesOf('Хомут Rehau Raupiano Plus d110мм опорный под шпильку'), 'diameter')).toEqual([110]);
    expect(factValues(attributesOf('Арматура А500С Ø14мм'), 'diameter')).toEqual([14]);
    expect(factValues(attributesOf('КОРОНКА АЛМАЗНАЯ ПРАКТИКА (035-080) ПО КЕРАМОГРАНИТУ D30 ММ'), 'diameter')).toEqual([30]);
  });

  it('takes no diameter from a density grade', () => {
    expect(factValues(attributesOf('Газобетон ЛСР 100х250х625 мм D400'), 'diameter')).toEqual([]);
  });

  it('takes no diameter from a membrane type', () => {
    const attributes = attributesOf('Паро-гидроизоляция Изостронг D 75 г/м2 70 кв.м');

    expect(factValues(attributes, 'diameter')).toEqual([]);
    expect(factValues(attributes, 'area')).toEqual([70]);
  });

  it('takes a range of fractions', () => {
    const attributes = attributesOf('Щебень 5-20мм');

    expect(factValues(attributes, 'range')).toEqual(['5-20']);
    expect([...attributes.dimensionPool].sort((a, b) => a - b)).toEqual([5, 20]);
    expect(factValues(attributesOf('Клемма на 2 провода Electrovolt 221-412 0,2-4 кв.мм'), 'range')).toContain('0.2-4');
  });
});

describe('extractAttributes pack counts', () => {
  it.each([
    ['Саморезы ГД 75x4,2 мм (100 шт.)', 100],
    ['Крепления для маячкового профиля Knauf Крмемер клипс универсальные (упак. 250шт)', 250],
    ['Клемма на 2 провода Electrovolt 221-412 0,2-4 кв.мм с рычажками без пасты 6 шт/уп (ЦБ-00015528/605078)', 6],
    ['ЗАБИВНОЙ АНКЕР ДЛЯ БЕТОНА 12Х50 ММ СТАЛЬНОЙ (фасовка 30 шт)', 30],
    ['Теплоизоляция для труб Стенофлекс ПЭ 18х6х1000 мм красная (упаковка 10 шт.)', 10],
    ['ВИБРОШАЙБА SOUNDGUARD 19Х10ММ (50ШТ.)', 50],
    ['Анкер-клин 6x60/8мм (100шт.)', 100],
  ])('reads the pack count of %s', (name, count) => {
    expect(packCount(attributesOf(name))).toBe(count);
  });

  it('returns null for a name without a pack count', () => {
    expect(packCount(attributesOf('Штукатурка гипсовая Knauf Ротбанд 30 кг'))).toBeNull();
    expect(packCount(attributesOf('Гипсокартон Волма 2500х1200х12,5 мм влагостойкий'))).toBeNull();
  });
});

describe('extractAttributes mass, volume and other measures', () => {
  it('takes both measures of `17 л/28 кг`', () => {
    const attributes = attributesOf('Шпатлевка Danogips SuperFinish универсальная 17 л/28 кг');

    expect(factValues(attributes, 'volume')).toEqual([17]);
    expect(factValues(attributes, 'mass')).toEqual([28]);
  });

  it('takes both measures of `1 кг/0,9 л`', () => {
    const attributes = attributesOf('Клей контактный каучуковый SoundGuard универсальный 1 кг/0,9 л');

    expect(factValues(attributes, 'mass')).toEqual([1]);
    expect(factValues(attributes, 'volume')).toEqual([0.9]);
  });

  it('converts grams, millilitres and cubic metres to kg and litres', () => {
    expect(factValues(attributesOf('Краска акриловая «Шедевр» цвет чёрный 60 г'), 'mass')).toEqual([0.06]);
    expect(factValues(attributesOf('Герметик акриловый Soudal Моментальный белый 280 мл'), 'volume')).toEqual([0.28]);
    expect(factValues(attributesOf('Керамзит фракция 5-10 мм 0,05 куб.м'), 'volume')).toEqual([50]);
  });

  it('reads мк and мкм as the same film thickness', () => {
    const stretch = attributesOf('Стретч пленка 450 мм 142 м 17 мк 1 кг');

    expect(factValues(stretch, 'film')).toEqual([17]);
    expect(factValues(stretch, 'length')).toEqual([142]);
    expect(factValues(stretch, 'mass')).toEqual([1]);
    expect(factValues(stretch, 'dimension')).toEqual([450]);
    expect(factValues(attributesOf('Пленка защитная 40 мкм 4х5 м (20 кв.м)'), 'film')).toEqual([40]);
  });

  it('takes an area in square metres', () => {
    expect(factValues(attributesOf('Пленка защитная 40 мкм 4х5 м (20 кв.м)'), 'area')).toEqual([20]);
    expect(factValues(attributesOf('Шумоизоляция Rockwool Акустик Баттс 50х600х1000 мм 6 кв.м'), 'area')).toEqual([6]);
  });

  it('keeps rating values with their units', () => {
    const attributes = attributesOf('Лента светодиодная SMD 3528 6000К 220 В 4,8 Вт/м 1 м IP67 Navigator (71770)');

    expect(factValues(attributes, 'rating')).toEqual(['6000 к', '220 в', '4.8 вт/м']);
    expect(factValues(attributes, 'length')).toEqual([1]);
  });

  it('takes no mass from a surface density', () => {
    const attributes = attributesOf('Стеклохолст Wellton Эконом плотность 40 г/кв.м 1х50 м');

    expect(factValues(attributes, 'mass')).toEqual([]);
    expect(factValues(attributes, 'rating')).toEqual(['40 г/м2']);
  });
});
