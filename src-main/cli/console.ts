// Messages of the command-line tools, written to stderr so stdout stays free for data.

import { formatPlace, type LineIssue, type LocalizedText } from '../errors.js';

const MAX_ISSUES_SHOWN = 20;

export function say(lang: 'ru' | 'en', text: LocalizedText): void {
  process.stderr.write(`${text[lang]}\n`);
}

/** Print line issues, the first few in full and then a count, so a huge bad file stays readable. */
export function printIssues(issues: LineIssue[], lang: 'ru' | 'en'): void {
  for (const issue of issues.slice(0, MAX_ISSUES_SHOWN)) {
    process.stderr.write(`${lang === 'ru' ? 'Внимание' : 'Warning'}: ${formatPlace(issue.place, lang)}${issue.text[lang]}\n`);
  }
  const hidden = issues.length - MAX_ISSUES_SHOWN;
  if (hidden > 0) {
    process.stderr.write(lang === 'ru' ? `…и ещё ${hidden} замечаний.\n` : `…and ${hidden} more warnings.\n`);
  }
}

/** Russian noun form for a count: 1 строка, 2 строки, 5 строк, 21 строка. */
export function russianPlural(count: number, forms: [one: string, few: string, many: string]): string {
  const lastTwo = Math.abs(count) % 100;
  const last = lastTwo % 10;
  if (lastTwo >= 11 && lastTwo <= 14) return forms[2];
  if (last === 1) return forms[0];
  if (last >= 2 && last <= 4) return forms[1];
  return forms[2];
}
