// @vitest-environment jsdom
// The review screen driven by its keyboard shortcuts, against the fake API.

import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import { App } from '../../src-renderer/App';
import { changeLanguage } from '../../src-renderer/i18n';
import { createFakeApi, DONE_JOB, type FakeApi } from './fake-api';

let container: HTMLDivElement;
let root: Root;
let api: FakeApi;

beforeAll(async () => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  await changeLanguage('ru');
});

beforeEach(async () => {
  api = createFakeApi();
  vi.stubGlobal('fetch', api.fetch);
  window.location.hash = `#/review?request=${DONE_JOB.request_id}`;
  container = document.createElement('div');
  document.body.appendChild(container);
  root = createRoot(container);
  await act(async () => root.render(createElement(App)));
  await waitFor(() => selectedLine() === 'm0');
});

afterEach(async () => {
  await act(async () => root.unmount());
  container.remove();
  vi.unstubAllGlobals();
});

async function waitFor(ready: () => boolean): Promise<void> {
  const deadline = Date.now() + 2_000;
  while (!ready()) {
    if (Date.now() > deadline) throw new Error(`timed out; the screen shows:\n${container.textContent}`);
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 10));
    });
  }
}

function selectedLine(): string | undefined {
  return container.querySelector<HTMLElement>('[data-testid="review-detail"]')?.dataset.materialId;
}

async function press(code: string, key: string): Promise<void> {
  await act(async () => {
    window.dispatchEvent(new KeyboardEvent('keydown', { code, key, bubbles: true }));
  });
}

function reviewRequests() {
  return api.requests.filter((request) => request.path.endsWith('/review'));
}

describe('review screen keys', () => {
  it('J and K move the selection', async () => {
    await press('KeyJ', 'о');
    expect(selectedLine()).toBe('m1');
    await press('ArrowDown', 'ArrowDown');
    expect(selectedLine()).toBe('m2');
    await press('KeyK', 'л');
    expect(selectedLine()).toBe('m1');
  });

  it('Enter accepts and moves on', async () => {
    await press('KeyJ', 'j');
    await press('Enter', 'Enter');
    await waitFor(() => reviewRequests().length === 1);

    const request = reviewRequests()[0]!;
    expect(request.path).toBe(`/api/v1/materials/process-enhanced/results/${DONE_JOB.request_id}/m1/review`);
    expect(request.body).toEqual({ action: 'accept', apply_to_identical: false });
    await waitFor(() => selectedLine() === 'm2');
    expect(container.querySelector('[data-testid="review-notice"]')?.textContent).toBe('Строка 2: сопоставлено с артикулом SKU-1.');
  });

  it('digit chooses that candidate', async () => {
    await press('Digit2', '2');
    await waitFor(() => reviewRequests().length === 1);
    expect(reviewRequests()[0]!.body).toEqual({ action: 'choose', sku: 'SKU-0-b', apply_to_identical: false });
  });

  it('R rejects with identical lines', async () => {
    const checkbox = container.querySelector<HTMLInputElement>('[data-testid="review-apply-identical"]')!;
    await act(async () => checkbox.click());
    await press('KeyR', 'к');
    await waitFor(() => reviewRequests().length === 1);
    expect(reviewRequests()[0]!.body).toEqual({ action: 'reject', apply_to_identical: true });
  });

  it('slash focuses the catalog search', async () => {
    await press('Slash', '.');
    expect(document.activeElement?.getAttribute('data-testid')).toBe('review-catalog-search');
  });

  it('keys typed in search are not shortcuts', async () => {
    const search = container.querySelector<HTMLInputElement>('[data-testid="review-search"]')!;
    search.focus();
    await act(async () => {
      search.dispatchEvent(new KeyboardEvent('keydown', { code: 'KeyR', key: 'r', bubbles: true }));
    });
    expect(reviewRequests()).toEqual([]);
  });

  it('reviewed line keeps its place under a filter', async () => {
    const filter = container.querySelector<HTMLSelectElement>('[data-testid="review-filter-status"]')!;
    await act(async () => {
      filter.value = 'needs_review';
      filter.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await waitFor(() => selectedLine() === 'm1');
    await press('Enter', 'Enter');
    await waitFor(() => reviewRequests().length === 1);
    await waitFor(() => container.querySelector('[data-testid="review-decision"]') !== null);
    expect(selectedLine()).toBe('m1');
    expect(container.querySelector('[data-testid="review-count"]')?.textContent).toMatch(/^Показано 1 из 4 строк/);
  });
});
