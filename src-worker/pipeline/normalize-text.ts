// Text normalization of supplier and catalog names: one canonical spelling for both sides,
// so that retrieval and comparison see `ГКЛ 12,5мм` and `гкл 12.5 мм` as the same text.

/** Latin letters that look like Cyrillic ones, and their Cyrillic twins. */
const LATIN_TO_CYRILLIC: Record<string, string> = {
  a: 'а', b: 'в', c: 'с', e: 'е', h: 'н', k: 'к', m: 'м', o: 'о', p: 'р', t: 'т', x: 'х', y: 'у',
};

const CYRILLIC_TO_LATIN: Record<string, string> = {
  а: 'a', в: 'b', с: 'c', е: 'e', н: 'h', к: 'k', м: 'm', о: 'o', р: 'p', т: 't', х: 'x', у: 'y',
};

const CYRILLIC_LETTER = /[а-я]/;
const LATIN_LETTER = /[a-z]/;

/** Spellings of units inside names, rewritten to one form. Applied after lower-casing. */
const UNIT_SPELLINGS: [RegExp, string][] = [
  [/кв\.\s*мм\.?|мм²/g, 'мм2'],
  [/м²|м\^2|кв\.\s*м\.?(?![а-я])|м\.\s*кв\.?|кв\s+м(?![а-я])/g, 'м2'],
  [/м³|м\^3|куб\.\s*м\.?(?![а-я])|м\.\s*куб\.?|куб\s+м(?![а-я])/g, 'м3'],
  [/пог\.\s*м\.?(?![а-я])|п\.\s*м\.?(?![а-я])|м\.\s*п\.?(?![а-я])|погонный метр|метр погонный/g, 'м'],
];

/**
 * Normalize a product name: lower case, `ё` to `е`, decimal commas to points, one size separator
 * `x`, numbers split from glued units (`50кг` -> `50 кг`), look-alike letters brought to the script
 * of their word, unit spellings unified and spaces collapsed.
 */
export function normalizeText(text: string): string {
  let s = text.normalize('NFKC').toLowerCase().replace(/ё/g, 'е');

  s = s.replace(/[\u00a0\u2009\u202f]/g, ' ');
  s = s.replace(/[«»„“”"]/g, ' ');
  s = s.replace(/[–—−]/g, '-');
  s = s.replace(/(\d),(\d)/g, '$1.$2');
  s = s.replace(/ø|⌀|диам\.?\s*/g, 'd');
  s = s.replace(/(\d)\s*[xх×*]\s*(?=\d)/g, '$1x');
  s = s.replace(/(\d)\s*[xх×*]\s*(?=\d)/g, '$1x');

  s = s.replace(/(\d)(?!x\d)([а-яa-z])/g, (match, digit: string, letter: string, offset: number, whole: string) =>
    isGradeOrCode(whole, offset) ? match : `${digit} ${letter}`,
  );
  s = s.replace(/[a-zа-я0-9.+/-]+/g, fixLookAlikes);
  for (const [pattern, replacement] of UNIT_SPELLINGS) s = s.replace(pattern, replacement);

  s = s.replace(/(^|[^a-zа-я0-9])d\s+(\d+(?:\.\d+)?\s*мм)/g, '$1d$2');

  return s.replace(/\s+/g, ' ').trim();
}

/**
 * True when the digit at `offset` ends a code such as `а500с`, `пф-115`, `ст17` or `2273-243`
 * whose trailing letter belongs to it, so it must not be split off as a unit.
 */
function isGradeOrCode(whole: string, offset: number): boolean {
  let start = offset;
  while (start > 0 && /[a-zа-я0-9-]/.test(whole[start - 1] ?? '')) start -= 1;
  const head = whole.slice(start, offset + 1);
  if (/^[a-zа-я]{1,4}-?\d+$/.test(head) && !/^d\d+$/.test(head)) return true;
  return isLongArticle(whole, start);
}

/** True for a long code of letters and digits such as `270020n050500b`, which stays one word. */
function isLongArticle(whole: string, start: number): boolean {
  const word = /^[a-zа-я0-9]+/.exec(whole.slice(start))?.[0] ?? '';
  return word.length >= 10 && /\d{4}/.test(word) && /[a-wyz]/.test(word);
}

/**
 * Bring look-alike letters of a word to one script: a word with letters that exist only in
 * Cyrillic becomes Cyrillic, a word with letters that exist only in Latin becomes Latin, and a word
 * made only of letters common to both (`с21`, `a500c`, `нн`, `m`) becomes Cyrillic, so that both
 * spellings meet. Size tokens such as `50x50x4` keep their separator.
 */
function fixLookAlikes(token: string): string {
  if (/^[0-9.x/-]+$/.test(token)) return token;

  const hasCyrillic = CYRILLIC_LETTER.test(token);
  const hasLatin = LATIN_LETTER.test(token);
  if (!hasCyrillic && !hasLatin) return token;

  const letters = [...token].filter((ch) => CYRILLIC_LETTER.test(ch) || LATIN_LETTER.test(ch));
  const onlyCyrillic = letters.some((ch) => CYRILLIC_LETTER.test(ch) && !(ch in CYRILLIC_TO_LATIN));
  const onlyLatin = letters.some((ch) => LATIN_LETTER.test(ch) && !(ch in LATIN_TO_CYRILLIC));

  if (onlyCyrillic && !onlyLatin) return mapLetters(token, LATIN_TO_CYRILLIC);
  if (onlyLatin && !onlyCyrillic) return mapLetters(token, CYRILLIC_TO_LATIN);
  if (onlyCyrillic && onlyLatin) return mixedWord(token);
  return mapLetters(token, LATIN_TO_CYRILLIC);
}

/** A word that mixes letters of both scripts keeps the script of the majority of its letters. */
function mixedWord(token: string): string {
  const cyrillic = [...token].filter((ch) => CYRILLIC_LETTER.test(ch)).length;
  const latin = [...token].filter((ch) => LATIN_LETTER.test(ch)).length;
  return cyrillic >= latin ? mapLetters(token, LATIN_TO_CYRILLIC) : mapLetters(token, CYRILLIC_TO_LATIN);
}

function mapLetters(token: string, table: Record<string, string>): string {
  let out = '';
  for (const ch of token) out += table[ch] ?? ch;
  return out;
}

/** Transliterate a Latin word to Cyrillic, so that `knauf` meets `кнауф` and `rehau` meets `рехау`. */
export function transliterateLatin(word: string): string {
  return word.replace(TRANSLIT_PATTERN, (latin) => TRANSLIT_MAP.get(latin) ?? latin);
}

const TRANSLIT_PAIRS: [string, string][] = [
  ['sch', 'щ'], ['shch', 'щ'], ['tsch', 'ч'], ['ch', 'ч'], ['sh', 'ш'], ['zh', 'ж'], ['kh', 'х'],
  ['ts', 'ц'], ['ya', 'я'], ['yu', 'ю'], ['yo', 'е'], ['oo', 'у'], ['ee', 'и'], ['ck', 'к'],
  ['ph', 'ф'], ['th', 'т'], ['qu', 'кв'], ['ou', 'у'], ['ie', 'и'],
  ['a', 'а'], ['b', 'б'], ['c', 'ц'], ['d', 'д'], ['e', 'е'], ['f', 'ф'], ['g', 'г'], ['h', 'х'],
  ['i', 'и'], ['j', 'дж'], ['k', 'к'], ['l', 'л'], ['m', 'м'], ['n', 'н'], ['o', 'о'], ['p', 'п'],
  ['q', 'к'], ['r', 'р'], ['s', 'с'], ['t', 'т'], ['u', 'у'], ['v', 'в'], ['w', 'в'], ['x', 'кс'],
  ['y', 'и'], ['z', 'з'],
];

const TRANSLIT_MAP = new Map(TRANSLIT_PAIRS);
/** Longer letter groups first, so `sch` is read before `s`. */
const TRANSLIT_PATTERN = new RegExp(
  [...TRANSLIT_MAP.keys()].sort((a, b) => b.length - a.length).join('|'),
  'g',
);
