// The shell's plain-Node modules: navigation and IPC policies, CSP, texts, menu, paths, quit.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';

import { CONTENT_SECURITY_POLICY, withContentSecurityPolicy } from '../../src-main/electron/content-security.js';
import { createDesktopLogger } from '../../src-main/electron/desktop-logger.js';
import { desktopPaths } from '../../src-main/electron/desktop-paths.js';
import { menuTemplate } from '../../src-main/electron/menu-template.js';
import { decideNavigation, decideWindowOpen, isTrustedSender, originOf } from '../../src-main/electron/navigation-policy.js';
import { createQuitGuard } from '../../src-main/electron/quit-guard.js';
import { SHELL_TEXT, shellLanguage } from '../../src-main/electron/shell-text.js';
import { MAX_FILE_NAME_LENGTH, MAX_PATH_LENGTH, parseDefaultName, parseRevealPath } from '../../src-main/electron/shell-validation.js';
import { mainWindowOptions } from '../../src-main/electron/window-options.js';

const APP = 'http://127.0.0.1:43117';

describe('navigation policy', () => {
  it('reads origins', () => {
    expect(originOf(`${APP}/a?b#c`)).toBe(APP);
    expect(originOf('file:///etc/passwd')).toBeNull();
    expect(originOf('no url')).toBeNull();
  });

  it('allows only the app origin', () => {
    expect(decideNavigation(`${APP}/requests`, APP)).toEqual({ action: 'allow' });
    expect(decideNavigation('http://localhost:43117/', APP)).toEqual({ action: 'deny', openExternally: true });
    expect(decideNavigation('https://127.0.0.1:43117/', APP)).toEqual({ action: 'deny', openExternally: true });
    expect(decideNavigation('file:///tmp/x.html', APP)).toEqual({ action: 'deny', openExternally: false });
  });

  it('denies everything before the origin is known', () => {
    expect(decideNavigation(`${APP}/`, null)).toEqual({ action: 'deny', openExternally: true });
    expect(isTrustedSender(`${APP}/`, null)).toBe(false);
  });

  it('opens only web URLs externally', () => {
    expect(decideWindowOpen('https://example.com').openExternally).toBe(true);
    expect(decideWindowOpen('HTTP://EXAMPLE.COM').openExternally).toBe(true);
    for (const url of ['javascript:alert(1)', 'file:///etc/hosts', 'mailto:a@b.c', 'vbscript:x', '']) {
      expect(decideWindowOpen(url).openExternally, url).toBe(false);
    }
  });

  it('trusts IPC from app frames only', () => {
    expect(isTrustedSender(`${APP}/review`, APP)).toBe(true);
    expect(isTrustedSender('https://example.com/', APP)).toBe(false);
    expect(isTrustedSender(undefined, APP)).toBe(false);
    expect(isTrustedSender('about:blank', APP)).toBe(false);
  });
});

describe('content security policy', () => {
  it('adds a header when none is present', () => {
    const headers = withContentSecurityPolicy(undefined);
    expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
  });

  it('keeps the server policy beside its own', () => {
    const headers = withContentSecurityPolicy({ 'content-security-policy': ["default-src 'none'"], 'X-Frame-Options': ['DENY'] });
    expect(headers['content-security-policy']).toEqual(["default-src 'none'", CONTENT_SECURITY_POLICY]);
    expect(Object.keys(headers).filter((key) => key.toLowerCase() === 'content-security-policy')).toHaveLength(1);
    expect(headers['X-Frame-Options']).toEqual(['DENY']);
  });

  it('allows no remote or inline script', () => {
    const scriptSources = /script-src ([^;]*)/.exec(CONTENT_SECURITY_POLICY)?.[1];
    expect(scriptSources).toBe("'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
  });
});

describe('IPC argument checks', () => {
  it('accepts file names', () => {
    expect(parseDefaultName('результат.xlsx')).toBe('результат.xlsx');
    expect(parseDefaultName('a'.repeat(MAX_FILE_NAME_LENGTH))).toHaveLength(MAX_FILE_NAME_LENGTH);
  });

  it('rejects names with folders or bad length', () => {
    for (const value of ['a/b.xlsx', 'a\\b.xlsx', '..', '.', '', 'a'.repeat(MAX_FILE_NAME_LENGTH + 1), 5, null]) {
      expect(() => parseDefaultName(value), String(value)).toThrow(/defaultName/);
    }
  });

  it('accepts absolute paths up to the bound', () => {
    const longest = path.resolve('/', 'a'.repeat(MAX_PATH_LENGTH - path.resolve('/').length));
    expect(parseRevealPath(longest)).toBe(longest);
    expect(() => parseRevealPath(`${longest}b`)).toThrow(/1 to 4096 characters/);
  });

  it('rejects relative paths and non-strings', () => {
    for (const value of ['result.xlsx', './result.xlsx', '', undefined, {}, `/tmp/a\0b`]) {
      expect(() => parseRevealPath(value), String(value)).toThrow(/filePath/);
    }
  });
});

describe('shell language', () => {
  it('picks Russian for ru locales', () => {
    expect(shellLanguage(['ru-RU', 'en-US'])).toBe('ru');
    expect(shellLanguage(['ru'])).toBe('ru');
    expect(shellLanguage(['RU-ru'])).toBe('ru');
    expect(shellLanguage(['ru_RU.UTF-8'])).toBe('ru');
  });

  it('picks English otherwise', () => {
    expect(shellLanguage(['en-US', 'ru-RU'])).toBe('en');
    expect(shellLanguage(['uk-UA'])).toBe('en');
    expect(shellLanguage(['rue'])).toBe('en');
    expect(shellLanguage([])).toBe('en');
  });

  it('has the same keys in both languages', () => {
    expect(Object.keys(SHELL_TEXT.en.menu).sort()).toEqual(Object.keys(SHELL_TEXT.ru.menu).sort());
    expect(Object.keys(SHELL_TEXT.en.dialogs).sort()).toEqual(Object.keys(SHELL_TEXT.ru.dialogs).sort());
  });
});

describe('menu template', () => {
  const actions = { openDataFolder: vi.fn(), openApiDocs: vi.fn(), showAbout: vi.fn() };

  function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
    return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
  }

  it('labels every item in Russian', () => {
    const items = flatten(menuTemplate({ language: 'ru', platform: 'linux', appName: 'Materials Matcher', devTools: true, actions }));
    const labelled = items.filter((item) => item.type !== 'separator');

    expect(labelled.length).toBeGreaterThan(15);
    for (const item of labelled) expect(item.label, JSON.stringify(item)).toMatch(/[а-яё]/i);
  });

  it('labels every item in English', () => {
    const items = flatten(menuTemplate({ language: 'en', platform: 'linux', appName: 'Materials Matcher', devTools: true, actions }));

    for (const item of items.filter((entry) => entry.type !== 'separator')) {
      expect(item.label, JSON.stringify(item)).toMatch(/^[A-Za-z ]+$/);
    }
  });

  it('hides developer tools in packaged builds', () => {
    const roles = (devTools: boolean): unknown[] =>
      flatten(menuTemplate({ language: 'en', platform: 'win32', appName: 'MM', devTools, actions })).map((item) => item.role);

    expect(roles(true)).toContain('toggleDevTools');
    expect(roles(false)).not.toContain('toggleDevTools');
  });

  it('puts the app menu first on macOS', () => {
    const template = menuTemplate({ language: 'ru', platform: 'darwin', appName: 'Materials Matcher', devTools: false, actions });

    expect(template[0]!.label).toBe('Materials Matcher');
    expect(flatten(template).filter((item) => item.role === 'quit')).toHaveLength(1);
  });

  it('calls the actions', () => {
    const items = flatten(menuTemplate({ language: 'en', platform: 'linux', appName: 'MM', devTools: false, actions }));
    const click = (label: string): void => {
      const item = items.find((entry) => entry.label === label);
      (item?.click as (() => void) | undefined)?.();
    };

    click('Open Data Folder');
    click('API Documentation');
    click('About');

    expect(actions.openDataFolder).toHaveBeenCalledTimes(1);
    expect(actions.openApiDocs).toHaveBeenCalledTimes(1);
    expect(actions.showAbout).toHaveBeenCalledTimes(1);
  });
});

describe('window options', () => {
  it('isolates the renderer', () => {
    const preferences = mainWindowOptions({ preload: '/app/out/preload/preload.cjs', title: 'MM' }).webPreferences!;

    expect(preferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/app/out/preload/preload.cjs',
    });
  });
});

describe('desktop paths', () => {
  const input = { appPath: '/opt/mm/resources/app.asar', resourcesPath: '/opt/mm/resources', userDataPath: '/home/u/.config/mm', env: {} };

  it('takes the demo catalog from extraResources when packaged', () => {
    const paths = desktopPaths({ ...input, isPackaged: true });

    expect(paths.demoCatalog).toBe(path.join('/opt/mm/resources', 'demo', 'catalog.csv'));
    expect(paths.preload).toBe(path.join('/opt/mm/resources/app.asar', 'out', 'preload', 'preload.cjs'));
    expect(paths.dataDir).toBe('/home/u/.config/mm');
    expect(paths.logFile).toBe(path.join('/home/u/.config/mm', 'logs', 'desktop.log'));
  });

  it('takes the demo catalog from the repository when unpackaged', () => {
    const paths = desktopPaths({ ...input, appPath: '/src/mm', isPackaged: false, env: { MATERIALS_MATCHER_DATA_DIR: '/data/mm' } });

    expect(paths.demoCatalog).toBe(path.join('/src/mm', 'resources', 'demo', 'catalog.csv'));
    expect(paths.staticDir).toBe(path.join('/src/mm', 'out', 'renderer'));
    expect(paths.dataDir).toBe('/data/mm');
  });
});

describe('quit guard', () => {
  it('holds quits until stopped, then lets them through', async () => {
    let finish: () => void = () => undefined;
    const stop = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const quit = vi.fn();
    const guard = createQuitGuard({ stop, quit, onError: vi.fn() });
    const event = { preventDefault: vi.fn() };

    guard.handleBeforeQuit(event);
    guard.handleBeforeQuit(event);
    expect(guard.state).toBe('stopping');
    expect(event.preventDefault).toHaveBeenCalledTimes(2);

    finish();
    await vi.waitFor(() => expect(quit).toHaveBeenCalledTimes(1));
    expect(guard.state).toBe('stopped');
    guard.handleBeforeQuit(event);
    expect(event.preventDefault).toHaveBeenCalledTimes(2);
    expect(stop).toHaveBeenCalledTimes(1);
  });

  it('quits after the timeout when stop hangs', async () => {
    const quit = vi.fn();
    const onError = vi.fn();
    const guard = createQuitGuard({ stop: () => new Promise<void>(() => undefined), quit, onError, timeoutMs: 30 });

    guard.handleBeforeQuit({ preventDefault: vi.fn() });

    await vi.waitFor(() => expect(quit).toHaveBeenCalledTimes(1));
    expect(String(onError.mock.calls[0]![0])).toMatch(/did not stop within 30 ms/);
  });
});

describe('desktop logger', () => {
  it('writes JSON lines to the log file', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mm-log-'));
    try {
      const file = path.join(dir, 'logs', 'desktop.log');
      const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
      try {
        createDesktopLogger(file, 'info').info({ event: 'probe' }, 'probe message');
      } finally {
        stderr.mockRestore();
      }

      const line = JSON.parse(readFileSync(file, 'utf8').trim()) as { event: string; msg: string };
      expect(line.event).toBe('probe');
      expect(line.msg).toBe('probe message');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
