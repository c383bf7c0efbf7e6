// The UI in Russian and English: the language switch, no raw i18n key or other-language phrase on
// any screen, and a screenshot of every screen in both languages.

import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { firstLines, review, runPriceList, type ApiTarget } from './api-setup.js';
import { HAS_CHROMIUM, launchBrowser, saveScreenshot, type Browser } from './browser.js';
import { ensureRendererBuilt, REPO_ROOT, startServe, tempDir, type ServeProcess } from './serve-process.js';
import { foreignPhrases, keyLikeTokens, placeholderLeftovers, text, visibleText, type Language } from './ui-text.js';

const PRICE_LIST = path.join(REPO_ROOT, 'test/fixtures/cli/azap026_first_39_products_utf8.csv');
const SCREENS = ['catalog', 'import', 'jobs', 'review', 'export', 'stats'] as const;
type Screen = (typeof SCREENS)[number];
const UI_TIMEOUT_MS = 15_000;
/** Russian product names are on screen in both languages, so short Russian phrases may be data. */
const MIN_WORDS: Record<Language, number> = { ru: 2, en: 3 };

const TITLE_KEYS: Record<Screen, string> = {
  catalog: 'catalog.title',
  import: 'import.title',
  jobs: 'jobs.title',
  review: 'review.title',
  export: 'export.title',
  stats: 'stats.title',
};

describe.runIf(HAS_CHROMIUM)('UI languages', () => {
  let server: ServeProcess;
  let browser: Browser;
  let page: Page;
  let requestId = '';
  const downloads = tempDir('mm-e2e-downloads-');

  beforeAll(async () => {
    await ensureRendererBuilt();
    server = await startServe();
    const target: ApiTarget = { url: server.url, token: readFileSync(path.join(server.dataDir, 'api-token'), 'utf8').trim() };
    requestId = await runPriceList(target, PRICE_LIST, 'ООО «Терем»');
    const [first, second] = await firstLines(target, requestId, 2);
    if (!first || !second) throw new Error(`Job ${requestId} has fewer than two lines`);
    await review(target, requestId, first.material_id, { action: 'accept' });
    await review(target, requestId, second.material_id, { action: 'reject' });
    browser = await launchBrowser();
    page = browser.page;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) rmSync(server.dataDir, { recursive: true, force: true });
    rmSync(downloads, { recursive: true, force: true });
  });

  async function navTexts(): Promise<string[]> {
    return Promise.all(SCREENS.map((screen) => page.getByTestId(`nav-${screen}`).textContent().then((value) => value ?? '')));
  }

  function expectedNav(language: Language): string[] {
    return SCREENS.map((screen) => text(language, `nav.${screen}`));
  }

  async function expectLanguage(language: Language, screen: Screen): Promise<void> {
    await expect.poll(navTexts, { timeout: UI_TIMEOUT_MS }).toEqual(expectedNav(language));
    expect(await page.locator('h1').textContent()).toBe(text(language, TITLE_KEYS[screen]));
    expect(await page.locator('html').getAttribute('lang')).toBe(language);
    expect(await page.getByTestId(`lang-${language}`).getAttribute('aria-pressed')).toBe('true');
    expect(await page.title()).toBe(text(language, 'app.title'));
  }

  it('switch changes nav and headings', async () => {
    await page.goto(`${server.url}/#/jobs`);
    await expectLanguage('ru', 'jobs');

    await page.getByTestId('lang-en').click();
    await expectLanguage('en', 'jobs');
    expect(await page.getByTestId('job-state').first().textContent()).toBe(text('en', 'jobState.completed'));

    await page.getByTestId('nav-review').click();
    await page.getByTestId('review-row').first().waitFor({ timeout: UI_TIMEOUT_MS });
    await expectLanguage('en', 'review');
    expect(await page.getByTestId('review-accept').textContent()).toBe(`${text('en', 'review.accept')} Enter`);

    await page.reload();
    await expectLanguage('en', 'review');

    await page.getByTestId('lang-ru').click();
    await expectLanguage('ru', 'review');
    expect(await page.getByTestId('review-accept').textContent()).toBe(`${text('ru', 'review.accept')} Enter`);
  });

  /** Open a screen and bring it into the state that shows the most of its text. */
  async function openScreen(screen: Screen): Promise<void> {
    await page.getByTestId(`nav-${screen}`).click();
    await expect.poll(() => page.locator('h1').count(), { timeout: UI_TIMEOUT_MS }).toBe(1);

    switch (screen) {
      case 'catalog':
        await page.getByTestId('catalog-info').waitFor({ timeout: UI_TIMEOUT_MS });
        await page.getByTestId('catalog-search-input').fill('REHAU муфта');
        await page.getByTestId('catalog-search-results').waitFor({ timeout: UI_TIMEOUT_MS });
        break;
      case 'import':
        await page.getByTestId('import-file-input').setInputFiles(PRICE_LIST);
        await page.getByTestId('import-preview-table').waitFor({ timeout: UI_TIMEOUT_MS });
        break;
      case 'jobs':
        await page.getByTestId('job-card').first().waitFor({ timeout: UI_TIMEOUT_MS });
        break;
      case 'review':
        await page.getByTestId('review-row').first().waitFor({ timeout: UI_TIMEOUT_MS });
        await page.getByTestId('review-decision').waitFor({ timeout: UI_TIMEOUT_MS });
        break;
      case 'export': {
        await page.getByTestId('export-xlsx').waitFor({ timeout: UI_TIMEOUT_MS });
        const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByTestId('export-xlsx').click()]);
        await download.saveAs(path.join(downloads, download.suggestedFilename()));
        await page.getByTestId('export-saved').waitFor({ timeout: UI_TIMEOUT_MS });
        break;
      }
      case 'stats':
        await page.getByTestId('stats-tiles').waitFor({ timeout: UI_TIMEOUT_MS });
        await page.getByTestId('stats-histogram').locator('svg').first().waitFor({ timeout: UI_TIMEOUT_MS });
        break;
    }
    expect(await page.getByTestId('loading').count()).toBe(0);
  }

  for (const language of ['ru', 'en'] as const) {
    it(`${language} screens show only ${language} text`, async () => {
      await page.goto(`${server.url}/#/catalog`);
      await page.getByTestId(`lang-${language}`).click();
      await expectLanguage(language, 'catalog');

      const findings: Record<string, string[]> = {};
      for (const screen of SCREENS) {
        await openScreen(screen);
        expect(await page.locator('h1').textContent()).toBe(text(language, TITLE_KEYS[screen]));
        const screenText = await visibleText(page);
        const problems = [
          ...keyLikeTokens(screenText).map((token) => `raw key ${token}`),
          ...placeholderLeftovers(screenText).map((token) => `placeholder ${token}`),
          ...foreignPhrases(screenText, language, MIN_WORDS[language]).map((phrase) => `other language ${phrase}`),
        ];
        if (problems.length > 0) findings[screen] = problems;
        await saveScreenshot(page, `screen-${language}-${SCREENS.indexOf(screen) + 1}-${screen}`);
      }

      expect(findings).toEqual({});
      expect(browser.problems).toEqual([]);
    });
  }
});
