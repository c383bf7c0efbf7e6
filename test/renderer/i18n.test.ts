// @vitest-environment jsdom
// The UI's Russian and English resources: same keys, no empty text, Russian plural forms, and
// screens that render with no raw key left in them.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import { App } from '../../src-renderer/App';
import en from '../../src-renderer/i18n/en.json';
import i18next, { changeLanguage, type Language } from '../../src-renderer/i18n';
import ru from '../../src-renderer/i18n/ru.json';
import { createFakeApi, DONE_JOB } from './fake-api';

const RENDERER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src-renderer');
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

type Resource = { [key: string]: string | Resource };

function flatten(resource: Resource, prefix = ''): Map<string, string> {
  const leaves = new Map<string, string>();
  for (const [key, value] of Object.entries(resource)) {
    const fullKey = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') leaves.set(fullKey, value);
    else for (const [nested, text] of flatten(value, fullKey)) leaves.set(nested, text);
  }
  return leaves;
}

/** Keys with the plural suffix removed, each with the suffixes it has. */
function baseKeys(leaves: Map<string, string>): Map<string, Set<string>> {
  const bases = new Map<string, Set<string>>();
  for (const key of leaves.keys()) {
    const suffix = PLURAL_SUFFIX.exec(key)?.[1] ?? '';
    const base = key.replace(PLURAL_SUFFIX, '');
    const suffixes = bases.get(base) ?? new Set<string>();
    suffixes.add(suffix);
    bases.set(base, suffixes);
  }
  return bases;
}

function variablesOf(leaves: Map<string, string>, base: string): string[] {
  const names = new Set<string>();
  for (const [key, text] of leaves) {
    if (key.replace(PLURAL_SUFFIX, '') !== base) continue;
    for (const match of text.matchAll(/\{\{\s*([A-Za-z_]+)/g)) names.add(match[1]!);
  }
  return [...names].sort();
}

const ruLeaves = flatten(ru as Resource);
const enLeaves = flatten(en as Resource);
const ruBases = baseKeys(ruLeaves);
const enBases = baseKeys(enLeaves);

describe('translation resources', () => {
  it('ru and en have the same keys', () => {
    expect([...enBases.keys()].sort()).toEqual([...ruBases.keys()].sort());
  });

  it('no value is empty', () => {
    const empty = [...ruLeaves, ...enLeaves].filter(([, text]) => text.trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it('Russian plurals have one, few, many and other', () => {
    const plurals = [...ruBases].filter(([, suffixes]) => !suffixes.has(''));
    expect(plurals.length).toBeGreaterThan(5);
    for (const [base, suffixes] of plurals) {
      expect([...suffixes].sort(), base).toEqual(['few', 'many', 'one', 'other']);
    }
  });

  it('English plurals have one and other', () => {
    for (const [base, suffixes] of enBases) {
      if (suffixes.has('')) continue;
      expect([...suffixes].sort(), base).toEqual(['one', 'other']);
    }
  });

  it('same variables in both languages', () => {
    for (const base of ruBases.keys()) {
      expect(variablesOf(enLeaves, base), base).toEqual(variablesOf(ruLeaves, base));
    }
  });

  it('Russian line counts take the right form', () => {
    const lines = (count: number) => i18next.t('units.lines', { count, lng: 'ru' });
    expect(lines(1)).toBe('1 строка');
    expect(lines(2)).toBe('2 строки');
    expect(lines(5)).toBe('5 строк');
    expect(lines(11)).toBe('11 строк');
    expect(lines(21)).toBe('21 строка');
    expect(lines(0)).toBe('0 строк');
    expect(lines(1234)).toMatch(/^1\s234 строки$/u);
  });

  it('English line counts take the right form', () => {
    expect(i18next.t('units.lines', { count: 1, lng: 'en' })).toBe('1 line');
    expect(i18next.t('units.lines', { count: 5, lng: 'en' })).toBe('5 lines');
  });

  it('every literal key in the code exists', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(RENDERER_DIR)) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\bt\(\s*'([A-Za-z]+(?:\.[A-Za-z_]+)+)'/g)) used.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(50);
    const missing = [...used].filter((key) => !ruBases.has(key));
    expect(missing).toEqual([]);
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

// ---- Rendering ----

const NAMESPACES = Object.keys(ru);
const RAW_KEY = new RegExp(`\\b(?:${NAMESPACES.join('|')})\\.[a-z][A-Za-z_]*`, 'g');
const SCREENS = ['catalog', 'import', 'jobs', 'review', 'export', 'stats'] as const;

let container: HTMLDivElement;
let root: Root | null = null;
const missingKeys: string[] = [];

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  vi.stubGlobal('fetch', createFakeApi().fetch);
  i18next.options.saveMissing = true;
  i18next.on('missingKey', (_languages: readonly string[], _namespace: string, key: string) => missingKeys.push(key));
});

afterEach(async () => {
  await act(async () => root?.unmount());
  root = null;
  container?.remove();
});

afterAll(() => {
  vi.unstubAllGlobals();
});

/** Let effects, fetches and timers run until `ready` holds, for at most two seconds. */
async function settle(ready: () => boolean): Promise<void> {
  const deadline = Date.now() + 2_000;
  while (!ready()) {
    if (Date.now() > deadline) throw new Error(`the screen did not finish loading:\n${container.textContent}`);
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 10));
    });
  }
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 20));
  });
}

async function renderScreen(screen: string): Promise<void> {
  window.location.hash = `#/${screen}?request=${DONE_JOB.request_id}`;
  container = document.createElement('div');
  document.body.appendChild(container);
  root = createRoot(container);
  await act(async () => root!.render(createElement(App)));
}

/** Collect each text node and each attribute a user reads or hears, one per line. */
function shownText(): string {
  const parts = [document.title];
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) parts.push(node.textContent ?? '');
  for (const element of container.querySelectorAll('*')) {
    for (const name of ['title', 'placeholder', 'aria-label']) {
      const value = element.getAttribute(name);
      if (value) parts.push(value);
    }
  }
  return parts.join('\n');
}

const byTestId = (id: string) => container.querySelector(`[data-testid="${id}"]`);

async function pickPriceList(): Promise<void> {
  const input = byTestId('import-file-input') as HTMLInputElement;
  const file = new File(['Наименование;Ед.;Цена'], 'prais-mart.csv', { type: 'text/csv' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(async () => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await settle(() => byTestId('import-preview') !== null);
}

const loaded: Record<(typeof SCREENS)[number], () => boolean> = {
  catalog: () => byTestId('catalog-info') !== null,
  import: () => byTestId('import-dropzone') !== null,
  jobs: () => container.querySelectorAll('[data-testid="job-card"]').length === 2,
  review: () => byTestId('review-detail') !== null && byTestId('review-count')?.textContent?.includes('4') === true,
  export: () => byTestId('export-xlsx') !== null,
  stats: () => byTestId('stats-tiles') !== null,
};

describe.each(['ru', 'en'] as Language[])('screens in %s', (language) => {
  beforeAll(async () => {
    await changeLanguage(language);
  });

  it.each(SCREENS)('%s shows no raw key', async (screen) => {
    missingKeys.length = 0;
    await renderScreen(screen);
    await settle(loaded[screen]);
    if (screen === 'import') await pickPriceList();

    const text = shownText();
    expect(text.match(RAW_KEY) ?? []).toEqual([]);
    expect(missingKeys).toEqual([]);
    expect(document.documentElement.lang).toBe(language);
  });
});

describe('screen content', () => {
  beforeAll(async () => {
    await changeLanguage('ru');
  });

  it('review shows reasons in Russian', async () => {
    await renderScreen('review');
    await settle(loaded.review);
    const candidate = byTestId('review-candidate-1');
    expect(candidate?.textContent).toContain('другая марка: м500 ≠ м400');
    expect(candidate?.textContent).toContain('1 меш = 50 кг');
    expect(byTestId('review-memory-note')?.textContent).toContain('ООО «СтройСнаб»');
    expect(byTestId('review-shortcuts')?.textContent).toContain('подтвердить');
  });

  it('import preview takes the guessed columns', async () => {
    await renderScreen('import');
    await settle(loaded.import);
    await pickPriceList();
    expect((byTestId('import-map-name') as HTMLSelectElement).value).toBe('1');
    expect((byTestId('import-map-id') as HTMLSelectElement).value).toBe('0');
    expect(byTestId('import-start')?.textContent).toMatch(/^Сопоставить 1\s234 строки$/u);
    expect((byTestId('import-sheet-select') as HTMLSelectElement).value).toBe('Прайс');
  });

  it('jobs show progress with counts', async () => {
    await renderScreen('jobs');
    await settle(loaded.jobs);
    const running = container.querySelector('[data-request-id="req-running-0002"]');
    expect(running?.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow')).toBe('25');
    expect(running?.textContent).toMatch(/Обработано 2\s500 из 10\s000 строк/u);
    expect(running?.querySelector('[data-testid="job-time-left"]')?.textContent).toMatch(/осталось ≈ 1 мин \d+ с/u);
    expect(running?.querySelector('[data-testid="job-cancel"]')).not.toBeNull();
    const done = container.querySelector('[data-request-id="req-done-0001"]');
    expect(done?.querySelector('[data-testid="job-retry"]')?.textContent).toBe('Повторить 1 строку с ошибкой');
  });
});
