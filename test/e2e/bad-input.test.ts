// Files the app cannot read, given through the browser UI: the error is shown in Russian with the
// file's name, nothing else changes, and the app goes on working.

import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { HAS_CHROMIUM, launchBrowser, saveScreenshot, type Browser } from './browser.js';
import { ensureRendererBuilt, REPO_ROOT, startServe, tempDir, type ServeProcess } from './serve-process.js';

const PRICE_LIST = path.join(REPO_ROOT, 'test/fixtures/cli/azap026_first_39_products_utf8.csv');
const UI_TIMEOUT_MS = 15_000;
const JOB_TIMEOUT_MS = 60_000;

describe.runIf(HAS_CHROMIUM)('bad input files', () => {
  let server: ServeProcess;
  let browser: Browser;
  let page: Page;
  const files = tempDir('mm-e2e-bad-files-');
  const pdf = path.join(files, 'Прайс поставщика.pdf');
  const brokenXlsx = path.join(files, 'остатки склада.xlsx');

  beforeAll(async () => {
    writeFileSync(pdf, '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
    writeFileSync(brokenXlsx, Buffer.from(Array.from({ length: 2048 }, (_, index) => (index * 131 + 7) % 256)));
    await ensureRendererBuilt();
    server = await startServe();
    browser = await launchBrowser();
    page = browser.page;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) rmSync(server.dataDir, { recursive: true, force: true });
    rmSync(files, { recursive: true, force: true });
  });

  /** Wait for an error banner about `file` (an earlier banner may still be on screen) and return its text. */
  async function errorAbout(file: string): Promise<string> {
    const banner = page.getByTestId('error-banner').locator('.banner-text');
    const current = async () => (await banner.count()) === 1 ? ((await banner.textContent()) ?? '') : '';
    await expect.poll(current, { timeout: UI_TIMEOUT_MS }).toMatch(new RegExp(`^${path.basename(file)}: `));
    return current();
  }

  it('pdf price list names the file', async () => {
    await page.goto(`${server.url}/#/import`);
    await page.getByTestId('import-file-input').setInputFiles(pdf);

    expect(await errorAbout(pdf)).toBe('Прайс поставщика.pdf: Формат «.pdf» не поддерживается. Загрузите прайс-лист в формате xlsx, xls, ods или csv.');
    expect(await page.getByTestId('import-preview').count()).toBe(0);
    await saveScreenshot(page, 'bad-1-import-pdf-ru');
  });

  it('unreadable xlsx names the file', async () => {
    await page.getByTestId('import-file-input').setInputFiles(brokenXlsx);

    expect(await errorAbout(brokenXlsx)).toBe(
      'остатки склада.xlsx: Файл повреждён или не является книгой Excel. Откройте его в Excel или LibreOffice и сохраните заново.',
    );
    expect(await page.getByTestId('import-preview').count()).toBe(0);
  });

  it('pdf dropped on window is rejected', async () => {
    await page.getByTestId('nav-jobs').click();
    await page.getByTestId('empty-state').waitFor({ timeout: UI_TIMEOUT_MS });

    await page.evaluate(`(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['%PDF-1.4'], ${JSON.stringify(path.basename(pdf))}, { type: 'application/pdf' }));
      document.querySelector('main').dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    })()`);

    await page.waitForURL(/#\/import$/, { timeout: UI_TIMEOUT_MS });
    expect(await errorAbout(pdf)).toContain('Прайс поставщика.pdf: Формат «.pdf» не поддерживается.');
  });

  it('good file still imports and runs', async () => {
    await page.getByTestId('import-file-input').setInputFiles(PRICE_LIST);
    await page.getByTestId('import-preview').waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await page.getByTestId('error-banner').count()).toBe(0);

    await page.getByTestId('import-start').click();
    await page.waitForURL(/#\/jobs\?request=/, { timeout: UI_TIMEOUT_MS });
    const card = page.getByTestId('job-card').first();
    await expect.poll(() => card.getAttribute('data-status'), { timeout: JOB_TIMEOUT_MS, interval: 500 }).toBe('completed');
    expect(await card.getByTestId('job-progress').getAttribute('aria-valuenow')).toBe('100');
  });

  it('pdf catalog keeps current catalog', async () => {
    await page.getByTestId('nav-catalog').click();
    await expect.poll(() => page.getByTestId('catalog-version').textContent(), { timeout: UI_TIMEOUT_MS }).toBe('1');
    const sizeBefore = await page.getByTestId('catalog-item-count').textContent();

    await page.getByTestId('catalog-file-input').setInputFiles(pdf);
    expect(await errorAbout(pdf)).toBe('Прайс поставщика.pdf: Формат «.pdf» не поддерживается. Поддерживаются: .csv, .tsv, .txt, .xlsx, .xlsm, .xls, .ods.');
    await saveScreenshot(page, 'bad-2-catalog-pdf-ru');

    await page.reload();
    await expect.poll(() => page.getByTestId('catalog-version').textContent(), { timeout: UI_TIMEOUT_MS }).toBe('1');
    expect(await page.getByTestId('catalog-item-count').textContent()).toBe(sizeBefore);
    expect(await page.getByTestId('catalog-import-result').count()).toBe(0);
  });

  it('error follows the UI language', async () => {
    await page.getByTestId('nav-import').click();
    await page.getByTestId('lang-en').click();
    await expect.poll(() => page.locator('h1').textContent(), { timeout: UI_TIMEOUT_MS }).toBe('Import a price list');

    await page.getByTestId('import-file-input').setInputFiles(pdf);
    expect(await errorAbout(pdf)).toBe('Прайс поставщика.pdf: Format ".pdf" is not supported. Upload the price list as xlsx, xls, ods or csv.');

    await page.getByTestId('lang-ru').click();
    await expect.poll(() => page.locator('h1').textContent(), { timeout: UI_TIMEOUT_MS }).toBe('Импорт прайс-листа');
  });

  it('pages threw no errors', () => {
    // The browser logs each rejected upload (HTTP 422) as a console error, so those are expected here.
    const unexpected = browser.problems.filter((problem) => !/status of 422/.test(problem));
    expect(unexpected).toEqual([]);
  });
});
