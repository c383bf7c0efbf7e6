// Command-line options of `npm run match`, parsed and checked.

import { parseArgs } from 'node:util';

import { type LocalizedText, UserError } from '../errors.js';

export interface MatchArgs {
  catalog: string;
  input: string;
  out: string;
  dataDir?: string;
  sheet?: string | number;
  catalogSheet?: string | number;
  nameCol?: string | number;
  unitCol?: string | number;
  priceCol?: string | number;
  idCol?: string | number;
  supplier?: string;
  model?: string;
  acceptThreshold?: number;
  reviewThreshold?: number;
  lang: 'ru' | 'en';
  help: boolean;
}

export const MATCH_USAGE = {
  ru: `Сопоставление прайс-листа с каталогом.

  npm run match -- --catalog ФАЙЛ --input ФАЙЛ --out ФАЙЛ [параметры]

  --catalog ФАЙЛ           каталог (csv, xlsx, xls, ods): артикул (sku), наименование, ед. изм., категория
  --input ФАЙЛ             прайс-лист поставщика (csv, xlsx, xls, ods)
  --out ФАЙЛ               результат: .xlsx, .csv (UTF-8 с BOM) или .jsonl
  --data-dir ПАПКА         папка с базой результатов и индексом каталога
  --sheet ИМЯ|N            лист прайс-листа (по имени или номеру с 1)
  --catalog-sheet ИМЯ|N    лист каталога
  --name-col, --unit-col, --price-col, --id-col ИМЯ|N
                           столбцы прайс-листа (заголовок или номер с 1), если не угаданы
  --supplier ИМЯ           поставщик: решения по его строкам запоминаются
  --model ПАПКА            папка ONNX-модели для transformers.js вместо встроенного эмбеддера
  --accept-threshold X     порог автоматического сопоставления, 0..1 (по умолчанию 0.8)
  --review-threshold X     порог отправки на проверку, 0..1 (по умолчанию 0.45)
  --lang ru|en             язык сообщений
`,
  en: `Match a supplier price list to a catalog.

  npm run match -- --catalog FILE --input FILE --out FILE [options]

  --catalog FILE           catalog (csv, xlsx, xls, ods): sku, name, unit, category
  --input FILE             supplier price list (csv, xlsx, xls, ods)
  --out FILE               result: .xlsx, .csv (UTF-8 with BOM) or .jsonl
  --data-dir DIR           folder for the results database and the catalog index
  --sheet NAME|N           price-list sheet (by name or 1-based number)
  --catalog-sheet NAME|N   catalog sheet
  --name-col, --unit-col, --price-col, --id-col NAME|N
                           price-list columns (header or 1-based number) when not guessed
  --supplier NAME          supplier: decisions on its lines are remembered
  --model DIR              ONNX model folder for transformers.js instead of the built-in embedder
  --accept-threshold X     score for an automatic match, 0..1 (default 0.8)
  --review-threshold X     score for review instead of no match, 0..1 (default 0.45)
  --lang ru|en             message language
`,
};

export function detectLanguage(argv: string[]): 'ru' | 'en' {
  const index = argv.indexOf('--lang');
  const flag = index >= 0 ? argv[index + 1] : argv.find((arg) => arg.startsWith('--lang='))?.slice(7);
  if (flag === 'en' || flag === 'ru') return flag;
  return (process.env.LANG ?? '').toLowerCase().startsWith('en') ? 'en' : 'ru';
}

export function parseMatchArgs(argv: string[]): MatchArgs {
  const lang = detectLanguage(argv);
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        catalog: { type: 'string' },
        input: { type: 'string' },
        out: { type: 'string' },
        'data-dir': { type: 'string' },
        sheet: { type: 'string' },
        'catalog-sheet': { type: 'string' },
        'name-col': { type: 'string' },
        'unit-col': { type: 'string' },
        'price-col': { type: 'string' },
        'id-col': { type: 'string' },
        supplier: { type: 'string' },
        model: { type: 'string' },
        'accept-threshold': { type: 'string' },
        'review-threshold': { type: 'string' },
        lang: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    throw invalidArgument(translateParseError(error instanceof Error ? error.message : String(error)));
  }

  const help = values.help === true;
  const required = ['catalog', 'input', 'out'] as const;
  const missing = required.filter((name) => typeof values[name] !== 'string' || values[name] === '');
  if (!help && missing.length > 0) {
    const names = missing.map((name) => `--${name}`).join(', ');
    throw invalidArgument({ ru: `не указан ${names}`, en: `missing ${names}` });
  }

  return {
    catalog: String(values.catalog ?? ''),
    input: String(values.input ?? ''),
    out: String(values.out ?? ''),
    dataDir: optional(values['data-dir']),
    sheet: columnRef(values.sheet),
    catalogSheet: columnRef(values['catalog-sheet']),
    nameCol: columnRef(values['name-col']),
    unitCol: columnRef(values['unit-col']),
    priceCol: columnRef(values['price-col']),
    idCol: columnRef(values['id-col']),
    supplier: optional(values.supplier),
    model: optional(values.model),
    acceptThreshold: threshold(values['accept-threshold'], '--accept-threshold'),
    reviewThreshold: threshold(values['review-threshold'], '--review-threshold'),
    lang,
    help,
  };
}

function optional(value: string | boolean | undefined): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Parse a sheet or column reference: a 1-based number or a name. */
function columnRef(value: string | boolean | undefined): string | number | undefined {
  const text = optional(value);
  if (text === undefined) return undefined;
  return /^\d+$/.test(text) ? Number(text) : text;
}

function threshold(value: string | boolean | undefined, option: string): number | undefined {
  const text = optional(value);
  if (text === undefined) return undefined;
  const number = Number(text.replace(',', '.'));
  if (!Number.isFinite(number) || number < 0 || number > 1) {
    throw invalidArgument({ ru: `${option} ${text}: нужно число от 0 до 1`, en: `${option} ${text}: expected a number from 0 to 1` });
  }
  return number;
}

function invalidArgument(detail: LocalizedText): UserError {
  return new UserError('invalid_argument', {
    ru: `Неверные параметры: ${detail.ru}. Справка: npm run match -- --help`,
    en: `Invalid options: ${detail.en}. Help: npm run match -- --help`,
  });
}

/** Node's parseArgs messages in both languages. */
function translateParseError(message: string): LocalizedText {
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (unknown) return { ru: `неизвестный параметр ${unknown[1]}`, en: `unknown option ${unknown[1]}` };
  const noValue = /Option '([^ ']+)[^']*' argument missing/.exec(message);
  if (noValue) return { ru: `у параметра ${noValue[1]} нет значения`, en: `option ${noValue[1]} needs a value` };
  const positional = /Unexpected argument '([^']+)'/.exec(message);
  if (positional) return { ru: `лишний аргумент ${positional[1]}`, en: `unexpected argument ${positional[1]}` };
  return { ru: message, en: message };
}
