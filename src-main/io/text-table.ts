// Reading delimited text (CSV, TSV, TXT): encoding, delimiter and rows.

import { XLSX } from './sheetjs.js';
import type { RawRow } from './table-types.js';

export type Delimiter = ',' | ';' | '\t';

export interface DecodedText {
  text: string;
  /** 'utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be' or 'windows-1251'. */
  encoding: string;
}

/** How many leading records are compared to choose the delimiter. */
const SAMPLE_RECORDS = 50;
const SAMPLE_CHARS = 256 * 1024;

/** Delimiters in order of preference when two fit the sample equally well. */
const DELIMITERS: readonly Delimiter[] = [';', '\t', ','];

/**
 * Decode a text file. A byte-order mark decides the encoding. Without one, valid UTF-8 is read as
 * UTF-8 and anything else as Windows-1251, because Excel saves Russian CSV files in that encoding.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  }

  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1251').decode(bytes), encoding: 'windows-1251' };
  }
}

/** Split off a leading `sep=;` line, which Excel writes to fix the delimiter and which is not part of the table. */
export function splitSeparatorLine(text: string): { delimiter?: Delimiter; body: string; skippedLines: number } {
  const match = /^sep=(.)\r?\n/i.exec(text);
  if (match === null) return { body: text, skippedLines: 0 };

  const char = match[1];
  const delimiter = DELIMITERS.find((candidate) => candidate === char);
  return { body: text.slice(match[0].length), skippedLines: 1, ...(delimiter ? { delimiter } : {}) };
}

/**
 * Choose the delimiter whose count outside quotes is the same on most of the first records.
 * Falls back to tab for .tsv files and to comma otherwise when no candidate splits the lines.
 */
export function detectDelimiter(text: string, extension: string): Delimiter {
  const sample = text.slice(0, SAMPLE_CHARS);
  let best: { delimiter: Delimiter; consistency: number; fields: number } | undefined;

  for (const delimiter of DELIMITERS) {
    const counts = countPerRecord(sample, delimiter);
    const { mode, share } = modeOf(counts);
    if (mode === 0) continue;
    if (best === undefined || share > best.consistency || (share === best.consistency && mode > best.fields)) {
      best = { delimiter, consistency: share, fields: mode };
    }
  }

  if (best !== undefined) return best.delimiter;
  return extension === '.tsv' ? '\t' : ',';
}

/** Count the delimiter outside quoted fields in each non-empty record of the sample. */
function countPerRecord(sample: string, delimiter: Delimiter): number[] {
  const counts: number[] = [];
  let count = 0;
  let recordHasText = false;
  let inQuotes = false;
  let atFieldStart = true;

  for (let i = 0; i < sample.length && counts.length < SAMPLE_RECORDS; i++) {
    const char = sample[i];

    if (inQuotes) {
      if (char === '"' && sample[i + 1] === '"') i++;
      else if (char === '"') inQuotes = false;
      continue;
    }

    if (char === '"' && atFieldStart) {
      inQuotes = true;
      recordHasText = true;
      atFieldStart = false;
    } else if (char === delimiter) {
      count++;
      atFieldStart = true;
    } else if (char === '\n' || char === '\r') {
      if (recordHasText) counts.push(count);
      count = 0;
      recordHasText = false;
      atFieldStart = true;
    } else {
      recordHasText = true;
      atFieldStart = false;
    }
  }

  if (recordHasText && counts.length < SAMPLE_RECORDS) counts.push(count);
  return counts;
}

function modeOf(counts: number[]): { mode: number; share: number } {
  const frequency = new Map<number, number>();
  for (const count of counts) frequency.set(count, (frequency.get(count) ?? 0) + 1);

  let mode = 0;
  let seen = 0;
  for (const [count, times] of frequency) {
    if (times > seen || (times === seen && count > mode)) {
      mode = count;
      seen = times;
    }
  }
  return { mode, share: counts.length === 0 ? 0 : seen / counts.length };
}

/**
 * Split delimited text into rows of raw strings. Quoted fields may hold newlines and doubled
 * quotes. `\N` (a PostgreSQL COPY null) reads as empty, but other COPY escapes such as `\t` stay
 * as written. No value is converted to a number or a
 * date, so article codes such as `00123` and prices such as `25.апр` stay as written.
 * Row numbers count records, so a record with a quoted newline is one row, as a spreadsheet shows it.
 */
export function parseDelimited(text: string, delimiter: Delimiter, firstRowNumber = 1): RawRow[] {
  // The `sep=` line makes SheetJS parse the text as delimited values and skip its format
  // sniffing, which would read text starting with `<`, `TABLE` or `ID` as HTML, DIF or SYLK.
  const workbook = XLSX.read(`sep=${delimiter}\n${text}`, { type: 'string', raw: true, dense: true });
  const sheetName = workbook.SheetNames[0];
  const data = sheetName === undefined ? undefined : workbook.Sheets[sheetName]?.['!data'];
  if (data === undefined) return [];

  const rows: RawRow[] = [];
  for (let index = 0; index < data.length; index++) {
    // Array.from, unlike map, visits the holes that SheetJS leaves for empty cells.
    const cells = Array.from(data[index] ?? [], (cell) => {
      const value = cell?.v === undefined ? '' : String(cell.v);
      return value === '\\N' ? '' : value;
    });
    rows.push({ rowNumber: firstRowNumber + index, cells });
  }
  return rows;
}
