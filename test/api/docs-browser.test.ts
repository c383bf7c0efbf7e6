// Swagger UI rendered in Debian's Chromium: the docs page works offline under its
// Content-Security-Policy. Skipped where /usr/bin/chromium is not installed.

import { existsSync } from 'node:fs';

import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { startApi, tempDir } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

describe('docs in a browser', () => {
  it.runIf(existsSync(CHROMIUM))('render every route without CSP errors or outside requests', async () => {
    const api = await startApi();
    const context = await chromium.launchPersistentContext(tempDir('mm-chromium-'), { executablePath: CHROMIUM, headless: true, args: ARGS });
    try {
      const page = await context.newPage();
      const problems: string[] = [];
      const outside: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(error.message));
      page.on('request', (request) => {
        if (!request.url().startsWith(api.server.url)) outside.push(request.url());
      });

      await page.goto(`${api.server.url}/docs`);
      await page.waitForSelector('.opblock', { timeout: 20_000 });

      expect(await page.locator('.opblock').count()).toBe(17);
      expect(await page.locator('.authorize').count()).toBe(1);
      expect(problems).toEqual([]);
      expect(outside).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
