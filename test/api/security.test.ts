// Access control over real HTTP: the token file, the bearer token, Host and Origin checks, the
// loopback-only listener and logs without secrets.

import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { LogThrottle } from '../../src-main/api/log-throttle.js';
import { bearerToken, loadOrCreateToken, tokensEqual } from '../../src-main/api/security.js';
import { createApiServer } from '../../src-main/api/server.js';
import { FakeEngine } from './fake-engine.js';
import { memoryLogger, send, startApi, startApiWithCatalog, tempDir } from './helpers.js';

const BASE = '/api/v1/materials/process-enhanced';
const isPosix = process.platform !== 'win32';

describe('token file', () => {
  it.runIf(isPosix)('is created with mode 0600 and reused', async () => {
    const dataDir = tempDir();
    const first = await startApi({ dataDir });
    const file = join(dataDir, 'api-token');

    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim()).toBe(first.server.token);
    expect(first.server.token).toMatch(/^[0-9a-f]{64}$/);

    await first.server.close();
    const second = await startApi({ dataDir });
    expect(second.server.token).toBe(first.server.token);
  });

  it('gives two data folders different tokens', async () => {
    const a = await loadOrCreateToken(tempDir());
    const b = await loadOrCreateToken(tempDir());
    expect(a).not.toBe(b);
  });

  it.runIf(isPosix)('tightens a token file readable by others', async () => {
    const dataDir = tempDir();
    const token = 'ab'.repeat(32);
    writeFileSync(join(dataDir, 'api-token'), `${token}\n`);
    chmodSync(join(dataDir, 'api-token'), 0o644);

    expect(await loadOrCreateToken(dataDir)).toBe(token);
    expect(statSync(join(dataDir, 'api-token')).mode & 0o777).toBe(0o600);
  });

  it('replaces a token file without a valid token', async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, 'api-token'), 'short\n');

    const token = await loadOrCreateToken(dataDir);
    expect(token).toMatch(/^[0-9a-f]{64}$/);
    expect(readFileSync(join(dataDir, 'api-token'), 'utf8').trim()).toBe(token);
  });

  it('creates a missing data folder', async () => {
    const dataDir = join(tempDir(), 'nested', 'data');
    const token = await loadOrCreateToken(dataDir);
    expect(readFileSync(join(dataDir, 'api-token'), 'utf8').trim()).toBe(token);
  });
});

describe('bearer token', () => {
  it('is required on API routes', async () => {
    const api = await startApiWithCatalog();
    const paths = [
      ['GET', `${BASE}/status/x`],
      ['GET', `${BASE}/results/x`],
      ['GET', `${BASE}/statistics`],
      ['GET', `${BASE}/requests`],
      ['POST', `${BASE}/retry`],
      ['DELETE', `${BASE}/cleanup`],
      ['POST', `${BASE}/cancel/x`],
      ['GET', `${BASE}/export/x`],
      ['GET', '/api/v1/catalog'],
      ['GET', '/api/v1/catalog/search?q=a'],
      ['POST', '/api/v1/catalog/import'],
      ['POST', `${BASE}/results/x/y/review`],
    ];
    for (const [method, path] of paths) {
      const answer = await api.call(method!, path!, { token: false, lang: 'en' });
      expect(answer.status, `${method} ${path}`).toBe(401);
      expect(answer.json().error).toBe('unauthorized');
      expect(answer.headers['www-authenticate']).toBe('Bearer');
    }
  });

  it('rejects a submit without a token before reading it', async () => {
    const api = await startApiWithCatalog();
    const answer = await api.call('POST', BASE, { token: false, body: { materials: [{ id: 'a', name: 'b' }] } });
    expect(answer.status).toBe(401);
    expect(answer.json().message).toContain('Authorization: Bearer');
    expect(api.engine.submitted).toHaveLength(0);
  });

  it('rejects a wrong token and a token of another length', async () => {
    const api = await startApiWithCatalog();
    const wrong = api.server.token.replace(/.$/, (last) => (last === '0' ? '1' : '0'));
    for (const token of [wrong, 'abc', `${api.server.token}00`]) {
      const answer = await api.call('GET', `${BASE}/statistics`, { token });
      expect(answer.status).toBe(401);
    }
  });

  it('accepts the token with any case of the scheme', async () => {
    const api = await startApiWithCatalog();
    const answer = await api.call('GET', `${BASE}/statistics`, { token: false, headers: { authorization: `bearer ${api.server.token}` } });
    expect(answer.status).toBe(200);
  });

  it('rejects a token sent in another scheme', async () => {
    const api = await startApiWithCatalog();
    const answer = await api.call('GET', `${BASE}/statistics`, { token: false, headers: { authorization: `Basic ${api.server.token}` } });
    expect(answer.status).toBe(401);
  });

  it('is not needed for health, docs and the OpenAPI document', async () => {
    const api = await startApiWithCatalog();
    for (const path of [`${BASE}/health`, '/openapi.json', '/docs', '/docs/static/swagger-ui.css']) {
      const answer = await api.call('GET', path, { token: false });
      expect(answer.status, path).toBe(200);
    }
  });

  it('cannot be skipped with a percent-encoded path', async () => {
    const api = await startApiWithCatalog();
    const answer = await api.call('GET', '/%61pi/v1/materials/process-enhanced/statistics', { token: false });
    expect(answer.status).toBe(401);
    expect(answer.text).not.toContain('totals');
  });

  it('compares in constant time and parses the header', () => {
    expect(tokensEqual('abc', 'abc')).toBe(true);
    expect(tokensEqual('abc', 'abd')).toBe(false);
    expect(tokensEqual('abc', 'abcd')).toBe(false);
    expect(bearerToken('Bearer  xyz ')).toBe('xyz');
    expect(bearerToken('Bearer')).toBeNull();
    expect(bearerToken(undefined)).toBeNull();
  });
});

describe('Host and Origin', () => {
  it('accepts 127.0.0.1 and localhost with the right port', async () => {
    const api = await startApiWithCatalog();
    for (const host of [`127.0.0.1:${api.port}`, `localhost:${api.port}`, `LOCALHOST:${api.port}`]) {
      const answer = await api.call('GET', `${BASE}/statistics`, { headers: { host } });
      expect(answer.status, host).toBe(200);
    }
  });

  it('rejects a foreign Host with 421', async () => {
    const api = await startApiWithCatalog();
    for (const host of ['evil.example', `evil.example:${api.port}`, `127.0.0.1:${api.port + 1}`, '127.0.0.1', `127.0.0.1.nip.io:${api.port}`]) {
      const answer = await api.call('GET', `${BASE}/health`, { headers: { host }, lang: 'en' });
      expect(answer.status, host).toBe(421);
      expect(answer.json().error).toBe('host_not_allowed');
    }
  });

  it('rejects a foreign Host even with the token', async () => {
    const api = await startApiWithCatalog();
    const answer = await api.call('GET', `${BASE}/statistics`, { headers: { host: `attacker.test:${api.port}` } });
    expect(answer.status).toBe(421);
    expect(answer.text).not.toContain('totals');
  });

  it('rejects a foreign Origin with 403', async () => {
    const api = await startApiWithCatalog();
    for (const origin of ['http://evil.example', `http://127.0.0.1:${api.port + 1}`, `https://127.0.0.1:${api.port}`, 'null']) {
      const answer = await api.call('POST', BASE, { headers: { origin }, body: { materials: [{ id: 'a', name: 'b' }] }, lang: 'en' });
      expect(answer.status, origin).toBe(403);
      expect(answer.json().error).toBe('origin_not_allowed');
    }
    expect(api.engine.submitted).toHaveLength(0);
  });

  it('rejects a cross-site preflight', async () => {
    const api = await startApiWithCatalog();
    const answer = await api.call('OPTIONS', BASE, {
      token: false,
      headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(answer.status).toBe(403);
    expect(answer.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('accepts the server own Origin', async () => {
    const api = await startApiWithCatalog();
    for (const origin of [`http://127.0.0.1:${api.port}`, `http://localhost:${api.port}`]) {
      const answer = await api.call('GET', `${BASE}/statistics`, { headers: { origin } });
      expect(answer.status, origin).toBe(200);
    }
  });
});

describe('listener', () => {
  it('listens on 127.0.0.1', async () => {
    const api = await startApi();
    expect(api.server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(api.server.app.server.address()).toMatchObject({ address: '127.0.0.1' });
  });

  it('refuses a non-loopback host', async () => {
    const { logger } = memoryLogger();
    await expect(createApiServer({ engine: new FakeEngine(), dataDir: tempDir(), port: 0, host: '0.0.0.0', logger })).rejects.toThrow(/loopback/);
  });

  it('explains a port already in use', async () => {
    const first = await startApi();
    const { logger } = memoryLogger();
    const second = createApiServer({ engine: new FakeEngine(), dataDir: tempDir(), port: first.port, logger });
    await expect(second).rejects.toThrow(`Port ${first.port} on 127.0.0.1 is already in use`);
  });

  it('stops answering after close', async () => {
    const api = await startApi();
    await api.server.close();
    await expect(send(api.port, api.server.token, 'GET', `${BASE}/health`)).rejects.toThrow(/ECONNREFUSED/);
  });
});

describe('logs', () => {
  it('never contain the token or the body', async () => {
    const api = await startApiWithCatalog();
    await api.call('POST', BASE, { body: { materials: [{ id: 'a', name: 'Секретная позиция 42' }] } });
    await api.call('GET', `${BASE}/statistics`, { token: 'wrong-token-value' });
    api.engine.failures.set('statistics', new Error('boom'));
    await api.call('GET', `${BASE}/statistics`);

    const text = api.logs.join('');
    expect(text).toContain('request_failed');
    expect(text).not.toContain(api.server.token);
    expect(text).not.toContain('wrong-token-value');
    expect(text).not.toContain('Секретная позиция');
  });

  it('do not repeat an identical error in a burst', async () => {
    const api = await startApiWithCatalog();
    for (let i = 0; i < 20; i += 1) await api.call('GET', `${BASE}/statistics`, { token: false });

    const rejected = api.logs.map((line) => JSON.parse(line)).filter((entry) => entry.event === 'request_failed' && entry.status === 401);
    expect(rejected).toHaveLength(1);
  });

  it('count the repeats left out', () => {
    const throttle = new LogThrottle(1_000);
    expect(throttle.admit('a', 0)).toEqual({ log: true, suppressed: 0 });
    expect(throttle.admit('a', 10).log).toBe(false);
    expect(throttle.admit('a', 20).log).toBe(false);
    expect(throttle.admit('b', 30).log).toBe(true);
    expect(throttle.admit('a', 1_500)).toEqual({ log: true, suppressed: 2 });
  });

  it('forget the oldest key beyond the limit', () => {
    const throttle = new LogThrottle(1_000, 2);
    throttle.admit('a', 0);
    throttle.admit('b', 0);
    throttle.admit('c', 0);
    expect(throttle.admit('a', 1).log).toBe(true);
    expect(throttle.admit('c', 1).log).toBe(false);
  });
});
