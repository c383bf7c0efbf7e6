// The whole job in the browser, in Russian: replace the catalog, import a supplier's price list,
// watch the job finish, review three lines with the keyboard, and export the result as xlsx.

import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

import * as XLSX from '@e965/xlsx';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { getJson, HAS_CHROMIUM, launchBrowser, pageToken, saveScreenshot, type Browser } from './browser.js';
import { ensureRendererBuilt, REPO_ROOT, startServe, tempDir, type ServeProcess } from './serve-process.js';

const MINI_CATALOG = path.join(REPO_ROOT, 'test/fixtures/pipeline/mini-catalog.csv');
const FULL_CATALOG = path.join(REPO_ROOT, 'test/fixtures/data/catalog.csv');
const PRICE_LIST = path.join(REPO_ROOT, 'test/fixtures/cli/azap026_first_299_products.csv');
const PRICE_LIST_LINES = 299;
const FIRST_PRODUCT = '*11301011005 REHAU RAUTITAN stabil труба универсальная 32х4.7 мм, прямые отрезки 5 м из сшитого полиэтилена';
const PRICE_LIST_HEADERS = ['name', 'price', 'image_url', 'product_url', 'unit', 'consumption', 'weight'];
const MATCH_COLUMNS = ['status', 'sku', 'catalog_name', 'catalog_unit', 'score', 'normalized_unit', 'unit_coefficient', 'price_per_catalog_unit', 'normalized_color', 'candidates', 'reasons', 'error', 'review'];
const REVIEW_TEXT = { accept: 'принято проверяющим', choose: 'выбрано проверяющим', reject: 'отклонено проверяющим' };
const JOB_TIMEOUT_MS = 120_000;
const UI_TIMEOUT_MS = 15_000;

interface ResultLine {
  material_id: string;
  row_number: number | null;
  original_name: string;
  processing_status: string;
  sku: string | null;
  catalog_name: string | null;
  review: { action: string; sku: string | null } | null;
}

interface ResultsAnswer {
  total_items: number;
  results: ResultLine[];
}

interface CatalogInfo {
  version: number;
  item_count: number;
}

/** A decision made on the review screen and what the line should look like after it. */
interface Decision {
  materialId: string;
  rowNumber: string;
  action: 'accept' | 'choose' | 'reject';
  sku: string | null;
  catalogName: string | null;
}

function dataRowCount(csvFile: string): number {
  return readFileSync(csvFile, 'utf8').split(/\r?\n/).filter((line) => line.trim() !== '').length - 1;
}

function squeeze(text: string | null): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

function itemsRu(count: number): string {
  const rules = new Intl.PluralRules('ru');
  const words: Record<string, string> = { one: 'позиция', few: 'позиции', many: 'позиций', other: 'позиции' };
  return `${new Intl.NumberFormat('ru').format(count)} ${words[rules.select(count)]}`.replace(/\s+/g, ' ');
}

describe.runIf(HAS_CHROMIUM)('whole job in Russian', () => {
  let server: ServeProcess;
  let browser: Browser;
  let page: Page;
  let requestId = '';
  const decisions: Decision[] = [];
  const downloads = tempDir('mm-e2e-downloads-');

  beforeAll(async () => {
    await ensureRendererBuilt();
    server = await startServe();
    browser = await launchBrowser();
    page = browser.page;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) rmSync(server.dataDir, { recursive: true, force: true });
    rmSync(downloads, { recursive: true, force: true });
  });

  async function importCatalog(file: string, expectedResult: string): Promise<void> {
    await page.getByTestId('catalog-file-input').setInputFiles(file);
    await expect.poll(async () => squeeze(await page.getByTestId('catalog-import-result').textContent({ timeout: 1_000 }).catch(() => null)), { timeout: 60_000 }).toBe(expectedResult);
  }

  it('catalog import shows size and version', async () => {
    await page.goto(`${server.url}/#/catalog`);
    await expect.poll(() => page.getByTestId('catalog-version').textContent(), { timeout: UI_TIMEOUT_MS }).toBe('1');
    const token = await pageToken(page);

    const miniItems = dataRowCount(MINI_CATALOG);
    await importCatalog(MINI_CATALOG, `Каталог загружен: ${itemsRu(miniItems)}, версия 2.`);
    await expect.poll(async () => squeeze(await page.getByTestId('catalog-item-count').textContent())).toBe(itemsRu(miniItems));
    expect(await page.getByTestId('catalog-version').textContent()).toBe('2');
    expect(await page.getByTestId('catalog-file').textContent()).toBe('mini-catalog.csv');

    const fullItems = dataRowCount(FULL_CATALOG);
    await importCatalog(FULL_CATALOG, `Каталог загружен: ${itemsRu(fullItems)}, версия 3.`);
    await expect.poll(async () => squeeze(await page.getByTestId('catalog-item-count').textContent()), { timeout: UI_TIMEOUT_MS }).toBe(itemsRu(fullItems));
    expect(await page.getByTestId('catalog-version').textContent()).toBe('3');
    expect(await page.getByTestId('catalog-file').textContent()).toBe('catalog.csv');
    expect(await getJson<CatalogInfo>(server.url, token, '/api/v1/catalog')).toMatchObject({ version: 3, item_count: fullItems });

    await page.getByTestId('catalog-search-input').fill('REHAU RAUTITAN муфта');
    await page.getByTestId('catalog-search-results').waitFor({ timeout: UI_TIMEOUT_MS });
    await saveScreenshot(page, 'job-1-catalog-ru');
  });

  it('import preview shows rows and columns', async () => {
    await page.getByTestId('nav-import').click();
    await page.getByTestId('import-file-input').setInputFiles(PRICE_LIST);
    const preview = page.getByTestId('import-preview');
    await preview.waitFor({ timeout: UI_TIMEOUT_MS });

    expect(squeeze(await preview.locator('.panel-title').textContent())).toBe(`azap026_first_299_products.csv · ${PRICE_LIST_LINES} строк`);
    const table = page.getByTestId('import-preview-table');
    expect(squeeze(await table.locator('caption').textContent())).toBe('Первые 20 строк файла');
    expect(await table.locator('tbody tr').count()).toBe(20);
    expect(await table.locator('tbody tr').first().locator('td').first().textContent()).toBe(FIRST_PRODUCT);
    expect(await table.locator('thead th > div:nth-child(2)').allTextContents()).toEqual(PRICE_LIST_HEADERS);
    const roleTags = await table.locator('thead th').evaluateAll((cells) => cells.map((cell) => cell.querySelector('.role-tag')?.textContent ?? ''));
    expect(roleTags).toEqual(['Наименование', 'Цена', '', '', 'Ед. изм.', '', '']);

    expect(await page.getByTestId('import-map-name').inputValue()).toBe('0');
    expect(await page.getByTestId('import-map-price').inputValue()).toBe('1');
    expect(await page.getByTestId('import-map-unit').inputValue()).toBe('4');
    expect(await page.getByTestId('import-map-id').inputValue()).toBe('');
    expect(squeeze(await page.getByTestId('import-map-name').locator('option:checked').textContent())).toBe('A · name');
    expect(await page.getByTestId('import-warning').count()).toBe(0);

    await page.getByTestId('import-supplier').fill('ООО «Терем»');
    await saveScreenshot(page, 'job-2-import-preview-ru');
    expect(squeeze(await page.getByTestId('import-start').textContent())).toBe(`Сопоставить ${PRICE_LIST_LINES} строк`);
    await page.getByTestId('import-start').click();

    await page.waitForURL(/#\/jobs\?request=/, { timeout: UI_TIMEOUT_MS });
    requestId = new URLSearchParams(new URL(page.url()).hash.split('?')[1]).get('request') ?? '';
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('job card reaches 100 %', async () => {
    const card = page.locator(`[data-testid="job-card"][data-request-id="${requestId}"]`);
    await card.waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await card.getAttribute('class')).toContain('job-card-highlight');

    await expect.poll(() => card.getAttribute('data-status'), { timeout: JOB_TIMEOUT_MS, interval: 500 }).toBe('completed');
    const bar = card.getByTestId('job-progress');
    expect(await bar.getAttribute('aria-valuenow')).toBe('100');
    // The filled parts grow with a CSS transition: wait until they span the whole bar.
    const filledShare = () => bar.evaluate((element) => [...element.children].reduce((sum, part) => sum + part.getBoundingClientRect().width, 0) / element.getBoundingClientRect().width);
    await expect.poll(filledShare, { timeout: UI_TIMEOUT_MS }).toBeGreaterThan(0.995);
    expect(squeeze(await card.getByTestId('job-done').textContent())).toBe(`Обработано ${PRICE_LIST_LINES} из ${PRICE_LIST_LINES} строк (100%)`);
    expect(await card.getByTestId('job-state').textContent()).toBe('Готово');
    expect(await card.locator('.job-title').textContent()).toBe('ООО «Терем»');
    await saveScreenshot(page, 'job-3-jobs-done-ru');
  });

  it('keyboard review accepts, chooses, rejects', async () => {
    await page.locator(`[data-testid="job-card"][data-request-id="${requestId}"]`).getByTestId('job-open-review').click();
    await page.getByTestId('review-row').first().waitFor({ timeout: UI_TIMEOUT_MS });
    const detail = page.getByTestId('review-detail');
    const notice = page.getByTestId('review-notice');

    const rowOf = (materialId: string) => page.locator(`[data-testid="review-row"][data-material-id="${materialId}"]`);
    const lineNumber = async () => squeeze(await detail.locator('.detail-head .muted').first().textContent()).replace('Строка ', '');

    // Accept: the first line has a proposed SKU, so Enter confirms it.
    const accepted: Decision = {
      materialId: (await detail.getAttribute('data-material-id')) ?? '',
      rowNumber: await lineNumber(),
      action: 'accept',
      sku: squeeze(await detail.getByTestId('review-matched-item').locator('dd.mono').textContent()),
      catalogName: null,
    };
    accepted.catalogName = squeeze(await detail.getByTestId('review-matched-item').locator('dd').nth(1).textContent());
    expect(accepted.sku).toMatch(/^TER-/);
    await page.keyboard.press('Enter');
    await expect.poll(() => notice.textContent(), { timeout: UI_TIMEOUT_MS }).toBe(`Строка ${accepted.rowNumber}: сопоставлено с артикулом ${accepted.sku}.`);
    decisions.push(accepted);

    // Choose: the selection has moved to the next line, and key 2 takes its second candidate.
    await expect.poll(() => detail.getAttribute('data-material-id')).not.toBe(accepted.materialId);
    const second = detail.getByTestId('review-candidate-2');
    const chosen: Decision = {
      materialId: (await detail.getAttribute('data-material-id')) ?? '',
      rowNumber: await lineNumber(),
      action: 'choose',
      sku: await second.getAttribute('data-sku'),
      catalogName: squeeze(await second.locator('.candidate-name').textContent()),
    };
    expect(chosen.sku).toMatch(/^TER-/);
    expect(chosen.sku).not.toBe(squeeze(await detail.getByTestId('review-matched-item').locator('dd.mono').textContent()));
    await page.keyboard.press('2');
    await expect.poll(() => notice.textContent(), { timeout: UI_TIMEOUT_MS }).toBe(`Строка ${chosen.rowNumber}: сопоставлено с артикулом ${chosen.sku}.`);
    decisions.push(chosen);

    // Reject: R on the third line.
    await expect.poll(() => detail.getAttribute('data-material-id')).not.toBe(chosen.materialId);
    const rejected: Decision = { materialId: (await detail.getAttribute('data-material-id')) ?? '', rowNumber: await lineNumber(), action: 'reject', sku: null, catalogName: null };
    await page.keyboard.press('r');
    await expect.poll(() => notice.textContent(), { timeout: UI_TIMEOUT_MS }).toBe(`Строка ${rejected.rowNumber}: отклонено.`);
    decisions.push(rejected);

    expect(new Set(decisions.map((decision) => decision.materialId)).size).toBe(3);

    const expectedRows = [
      { decision: accepted, mark: 'сопоставление подтверждено', status: 'Сопоставлено', sku: accepted.sku },
      { decision: chosen, mark: 'выбрана другая позиция', status: 'Сопоставлено', sku: chosen.sku },
      { decision: rejected, mark: 'отклонено', status: 'Нет в каталоге', sku: null },
    ];
    for (const { decision, mark, status, sku } of expectedRows) {
      const row = rowOf(decision.materialId);
      expect(await row.getByTestId('review-row-decision').getAttribute('aria-label')).toBe(mark);
      expect(await row.getByTestId('review-row-status').textContent()).toBe(status);
      if (sku) expect(await row.getByTestId('review-row-sku').textContent()).toBe(sku);
      else expect(await row.getByTestId('review-row-sku').count()).toBe(0);
    }

    // K goes back to the rejected line, whose detail shows the stored decision.
    await page.keyboard.press('k');
    await expect.poll(() => detail.getAttribute('data-material-id')).toBe(rejected.materialId);
    expect(squeeze(await detail.getByTestId('review-decision').textContent())).toMatch(/^Решение: отклонено, \d/);
    expect(await detail.getByTestId('review-matched-item').count()).toBe(0);
    await saveScreenshot(page, 'job-4-review-decided-ru');
  });

  it('results API stores the decisions', async () => {
    const token = await pageToken(page);
    const answer = await getJson<ResultsAnswer>(server.url, token, `/api/v1/materials/process-enhanced/results/${requestId}?page=1&page_size=1000`);
    expect(answer.total_items).toBe(PRICE_LIST_LINES);

    for (const decision of decisions) {
      const line = answer.results.find((result) => result.material_id === decision.materialId);
      expect(line?.review?.action).toBe(decision.action);
      expect(line?.sku).toBe(decision.sku);
      expect(line?.processing_status).toBe(decision.action === 'reject' ? 'no_match' : 'matched');
    }
    expect(answer.results.filter((result) => result.review !== null)).toHaveLength(3);
  });

  it('xlsx export carries the decisions', async () => {
    await page.getByTestId('nav-export').click();
    await page.getByTestId('export-xlsx').waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await page.getByTestId('export-job-select').inputValue()).toBe(requestId);

    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByTestId('export-xlsx').click()]);
    expect(download.suggestedFilename()).toBe(`materials-${requestId}.xlsx`);
    const file = path.join(downloads, download.suggestedFilename());
    await download.saveAs(file);
    await page.getByTestId('export-saved').waitFor({ timeout: UI_TIMEOUT_MS });
    expect(squeeze(await page.getByTestId('export-saved').textContent())).toBe(`Файл materials-${requestId}.xlsx скачан.`);
    await saveScreenshot(page, 'job-5-export-ru');

    const workbook = XLSX.read(readFileSync(file), { cellFormula: true });
    const sheet = workbook.Sheets[workbook.SheetNames[0] ?? ''];
    if (!sheet) throw new Error(`${file} has no sheet`);
    const rows = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1, defval: '', raw: false });

    // The reader puts the line id first when the file has no id column.
    expect(rows[0]).toEqual(['id', ...PRICE_LIST_HEADERS, ...MATCH_COLUMNS]);
    expect(rows).toHaveLength(PRICE_LIST_LINES + 1);

    const token = await pageToken(page);
    const answer = await getJson<ResultsAnswer>(server.url, token, `/api/v1/materials/process-enhanced/results/${requestId}?page=1&page_size=1000`);
    const column = (name: string) => (rows[0] ?? []).indexOf(name);
    for (const decision of decisions) {
      const index = answer.results.findIndex((result) => result.material_id === decision.materialId);
      const row = rows[index + 1] ?? [];
      expect(row[column('id')]).toBe(decision.materialId);
      expect(row[column('name')]).toBe(answer.results[index]?.original_name);
      expect(row[column('status')]).toBe(decision.action === 'reject' ? 'no_match' : 'matched');
      expect(row[column('review')]).toBe(REVIEW_TEXT[decision.action]);
      expect(row[column('sku')]).toBe(decision.sku ?? '');
      expect(row[column('catalog_name')]).toBe(decision.catalogName ?? '');
    }

    const formulas = Object.entries(sheet).filter(([address, cell]) => !address.startsWith('!') && (cell as XLSX.CellObject).f !== undefined);
    expect(formulas).toEqual([]);
  });

  it('pages threw no errors', () => {
    expect(browser.problems).toEqual([]);
  });
});
