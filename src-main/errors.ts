// Typed errors that reach the user. Each carries a stable code, the place it concerns
// (file, sheet, row, column) and the message in Russian and English.

export type UserErrorCode =
  | 'file_not_found'
  | 'file_unreadable'
  | 'file_format_unsupported'
  | 'sheet_not_found'
  | 'sheet_empty'
  | 'header_not_found'
  | 'column_not_found'
  | 'line_name_missing'
  | 'line_price_invalid'
  | 'line_id_duplicate'
  | 'catalog_empty'
  | 'catalog_sku_missing'
  | 'catalog_sku_duplicate'
  | 'output_unwritable'
  | 'model_not_found'
  | 'invalid_argument';

export interface ErrorPlace {
  file?: string;
  sheet?: string;
  /** 1-based row number as a spreadsheet shows it. */
  row?: number;
  column?: string;
}

export interface LocalizedText {
  ru: string;
  en: string;
}

export class UserError extends Error {
  readonly code: UserErrorCode;
  readonly place: ErrorPlace;
  readonly text: LocalizedText;

  constructor(code: UserErrorCode, text: LocalizedText, place: ErrorPlace = {}) {
    super(text.en);
    this.name = 'UserError';
    this.code = code;
    this.place = place;
    this.text = text;
  }

  /** Render the message with its place in the given language. */
  format(lang: 'ru' | 'en' = 'ru'): string {
    return `${formatPlace(this.place, lang)}${this.text[lang]}`;
  }
}

/** Render a place as a prefix such as `prices.csv, лист «Лист1», строка 12, столбец «Цена»: `. */
export function formatPlace(place: ErrorPlace, lang: 'ru' | 'en'): string {
  const parts: string[] = [];
  if (place.file) parts.push(place.file);
  if (place.sheet) parts.push(lang === 'ru' ? `лист «${place.sheet}»` : `sheet "${place.sheet}"`);
  if (place.row !== undefined) parts.push(lang === 'ru' ? `строка ${place.row}` : `row ${place.row}`);
  if (place.column) parts.push(lang === 'ru' ? `столбец «${place.column}»` : `column "${place.column}"`);
  return parts.length > 0 ? `${parts.join(', ')}: ` : '';
}

/** A problem with one input line that skips the line but not the file. */
export interface LineIssue {
  code: UserErrorCode;
  place: ErrorPlace;
  text: LocalizedText;
}
