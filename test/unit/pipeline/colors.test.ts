// Names below are real: catalog items of test/fixtures/data/catalog.csv (named by SKU) and
// supplier lines of test/fixtures/eval/queries.csv (named by id).

import { describe, expect, it } from 'vitest';

import { type ColorInfo, extractColors, formatColor } from '../../../src-worker/pipeline/colors.js';
import { normalizeText } from '../../../src-worker/pipeline/normalize-text.js';

function colorsOf(name: string): ColorInfo {
  return extractColors(normalizeText(name));
}

describe('extractColors word forms', () => {
  it.each([
    ['Мешок для мусора 75 л 550х1050 мм полипропиленовый белый', 'белый'],
    ['Галтель вспененный ПВХ 22х22х2700 мм гладкая белая', 'белый'],
    ['Изолента КМ ПВХ синий 15 мм 20 м односторонняя', 'синий'],
    ['Лента малярная Folsen Professional для наружных работ синяя 30 мм 50 м УФ-стойкая', 'синий'],
    ['Гидроизоляция акриловая Vetonit Weber.tec 822 серая 8 кг', 'серый'],
    ['Вилка штепсельная Svet с заземлением IP44 черная', 'черный'],
    ['Теплоизоляция для труб Стенофлекс ПЭ 18х6х1000 мм красная (упаковка 10 шт.)', 'красный'],
    ['Саморезы универсальные 25x3,0 мм желтые (200 шт.)', 'желтый'],
    ['Лампа светодиодная Rev E27 6500К 40 Вт 3200 Лм 180-240 В цилиндр T120 прозрачная', 'прозрачный'],
    ['Краска акриловая «Шедевр» цвет чёрный 60 г', 'черный'],
  ])('finds the color of %s', (name, color) => {
    expect(colorsOf(name).colors).toEqual([color]);
  });

  it('reads a compound color by its last part', () => {
    expect(colorsOf('Эмаль Ярославские краски ПФ-115 глянцевая цвет светло-зелёный 2.2 кг').colors).toEqual(['зеленый']);
    expect(colorsOf('Краска для стен и потолков Trend Farbe цвет Платиново-серый 1 л').colors).toEqual(['серый']);
    expect(colorsOf('Краска аэрозольная Ultima цвет тёмно-красный RAL3011').colors).toEqual(['красный']);
  });

  it('keeps желто-зеленый as one color', () => {
    expect(colorsOf('Провод Камкабель ПуГВнг(А)-LS 1х6 желто-зеленый').colors).toEqual(['желто-зеленый']);
  });

  it('finds colors in order of appearance', () => {
    // Color cells of Leroy Merlin product pages that list several colors.
    expect(colorsOf('Бесцветный / прозрачный, Разноцветный, Белый').colors).toEqual(['прозрачный', 'белый']);
    expect(colorsOf('Розовый, голубой, красный, белый, желтый').colors).toEqual(['розовый', 'голубой', 'красный', 'белый', 'желтый']);
  });
});

describe('extractColors abbreviations', () => {
  it.each([
    ['Каб.-канал DKC 100х60 мм бел. 2 м', 'белый'],
    ['Грунт Pacцвeт ГФ-021 сер. 0,9кг', 'серый'],
    ['СТЯЖКА КАБЕЛЬНАЯ SYSTMEE ELECTRIC MULTISET 150Х3,6 ММ НЕЙЛОНОВАЯ ЧЕРН. (100 ШТ.) (IMT15036B)', 'черный'],
  ])('reads the abbreviated color of %s', (name, color) => {
    expect(colorsOf(name).colors).toEqual([color]);
  });
});

describe('extractColors named shades', () => {
  it.each([
    ['Выключатель Bironi Лизетта одноклавишный накладной слоновая кость ретро (B1-201-211)', 'слоновая кость'],
    ['Изолятор Bironi для витого провода пластиковый слоновая кость (100 шт.)', 'слоновая кость'],
    ['Экран для радиатора Сусанна 120х60 см, цвет сонома', 'дуб сонома'],
    ['Экран для радиатора Дамаско 90х60 см, цвет венге', 'венге'],
    ['Брусок рамный 60x2000 мм цвет бук', 'бук'],
    ['Провод Bironi витой 3х1,5 песочное золото (50 м)', 'песочный'],
  ])('finds the named shade of %s', (name, color) => {
    expect(colorsOf(name).colors).toEqual([color]);
  });

  it('reads a named shade whole', () => {
    expect(colorsOf('Экран для радиатора Сусанна 90х60 см, цвет дуб серый').colors).toEqual(['дуб серый']);
  });
});

describe('extractColors RAL codes', () => {
  it('maps RAL 9005 to черный and keeps the code', () => {
    // Q0345, with the typo ЧЁНРЫЙ that is no color word.
    const info = colorsOf('КР-КА АЭРОЗОЛЬНАЯ ULTIMA МАТОВАЯ ЦВЕТ ЧЁНРЫЙ RAL 9005');

    expect(info.colors).toEqual(['черный']);
    expect(info.ral).toEqual(['RAL 9005']);
    expect(formatColor(info)).toBe('черный (RAL 9005)');
  });

  it('reads a code written without a space', () => {
    const info = colorsOf('Краска аэрозольная Ultima цвет зелёный мох RAL6005');

    expect(info.colors).toEqual(['зеленый']);
    expect(info.ral).toEqual(['RAL 6005']);
  });

  it('lists a color named twice once', () => {
    const info = colorsOf('Грунт-эмаль аэрозольная для пластика Kudo белая матовая RAL 9003 520 мл');

    expect(info.colors).toEqual(['белый']);
    expect(formatColor(info)).toBe('белый (RAL 9003)');
  });
});

describe('extractColors words that are no colors', () => {
  it.each([
    'Набор клемм Wago №1 серии 221/222',
    'Мешок для пылесоса Ozone (MXT-201/5) 15 л синтетическая ткань (5 шт.)',
    '13683651001 (13202751001) REHAU RAUTHERM S Сервопривод UNI на 230 В',
    'ЛЕНТА СТКЕЛОТКАНЕВАЯ СЕРПЯНКА САМОКЛЕЯЩАЯСЯ 100 ММ 45 М',
    'Коронка алмазная Пракитка (776-188) по керамограниту d68 мм',
    'Краска Выбор Мастера масляная сурик железный 3 кг',
    'Водорозетка Rehau RX 16 мм х 1/2 ВР(г) (14563581001)',
  ])('finds no color in %s', (name) => {
    const info = colorsOf(name);

    expect(info.colors).toEqual([]);
    expect(formatColor(info)).toBeNull();
  });

  it('finds no color in a material', () => {
    expect(colorsOf('SFC-0027-001520 STOUT Фитинг компрессионный для медных труб 15x3/4 (7E00H4N051500B)').colors).toEqual([]);
  });
  it('reads хромированный as хром', () => {
    expect(colorsOf('SFT-0002-000125 STOUT Удлинитель хромированный 1 X25 (2600D8B102500B)').colors).toEqual(['хром']);
  });
});

describe('formatColor', () => {
  it('joins several colors', () => {
    expect(formatColor({ colors: ['белый', 'серый'], ral: [] })).toBe('белый, серый');
  });

  it('returns the RAL code alone when it maps to no color', () => {
    expect(formatColor({ colors: [], ral: ['RAL 1234'] })).toBe('RAL 1234');
  });
});
