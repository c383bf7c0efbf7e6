// Debian's Chromium driven by playwright-core for the browser tests, with a fresh profile per
// test file, screenshots for a person to look at, and the API token read from the served page.

import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';

import { chromium, type BrowserContext, type Page } from 'playwright-core';

import { REPO_ROOT, tempDir } from './serve-process.js';

export const CHROMIUM = '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);
export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-results/screenshots');

const VIEWPORT = { width: 1440, height: 900 };
const MAX_SCREENSHOT_HEIGHT = 6_000;
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Page errors and console errors seen so far, to assert that a screen ran cleanly. */
  problems: string[];
  close: () => Promise<void>;
}

export async function launchBrowser(): Promise<Browser> {
  const profile = tempDir('mm-e2e-profile-');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    acceptDownloads: true,
    viewport: VIEWPORT,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });

  return {
    context,
    page,
    problems,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Save a full-page screenshot. The app scrolls inside its content pane, not the page, so the
 * viewport grows to the pane's content height for the shot and shrinks back afterwards.
 */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  const viewport = page.viewportSize() ?? VIEWPORT;
  const contentHeight = await page.locator('main.content').evaluate((pane) => pane.scrollHeight);
  const height = Math.min(Math.max(viewport.height, contentHeight), MAX_SCREENSHOT_HEIGHT);

  await page.setViewportSize({ width: viewport.width, height });
  try {
    await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
  } finally {
    await page.setViewportSize(viewport);
  }
  return file;
}

/** Read the token that the server put into index.html, the way the UI itself does. */
export async function pageToken(page: Page): Promise<string> {
  const token = await page.locator('meta[name="mm-token"]').getAttribute('content');
  if (!token) throw new Error('The served page has no <meta name="mm-token"> tag');
  return token;
}

/** GET an API path with the token and throw unless the status is 200. */
export async function getJson<T>(baseUrl: string, token: string, apiPath: string): Promise<T> {
  const response = await fetch(`${baseUrl}${apiPath}`, { headers: { Authorization: `Bearer ${token}`, 'Accept-Language': 'ru' } });
  if (response.status !== 200) throw new Error(`GET ${apiPath} returned ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}
