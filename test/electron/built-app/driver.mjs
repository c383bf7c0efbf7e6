// Runs the built main process (FAKE_APP_PATH/out/main/index.js) under the fake electron module,
// matches one line through its API, quits, and prints one JSON report line to stdout.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { app } from 'electron';

const report = {};
const finish = (extra) => {
  process.stdout.write(`${JSON.stringify({ ...report, ...extra })}\n`);
  process.exit(0);
};
setTimeout(() => finish({ error: 'timed out' }), 90_000).unref();

app.on('fake-error-box', (title, message) => finish({ error: `${title}: ${message}` }));
app.on('fake-load-url', async (url, options) => {
  report.loadedUrl = url;
  report.webPreferences = options.webPreferences;
  try {
    await exercise(url.replace(/\/$/, ''));
  } catch (error) {
    finish({ error: String(error) });
  }
});

async function exercise(base) {
  const token = (await readFile(path.join(process.env.FAKE_USER_DATA, 'api-token'), 'utf8')).trim();
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const api = `${base}/api/v1/materials/process-enhanced`;

  report.health = await (await fetch(`${api}/health`)).json();
  const submitted = await fetch(api, { method: 'POST', headers, body: JSON.stringify({ materials: [{ id: '1', name: 'Цемент М500 50 кг', unit: 'меш' }] }) });
  const { request_id: requestId } = await submitted.json();
  report.submitStatus = submitted.status;

  for (let attempt = 0; attempt < 120; attempt += 1) {
    const status = await (await fetch(`${api}/status/${requestId}`, { headers })).json();
    report.jobStatus = status.status;
    if (status.status === 'completed' || status.status === 'failed') break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }

  app.once('fake-quit-done', () => {
    report.quitCalls = app.quitCalls;
    fetch(`${api}/health`).then(
      () => finish({ serverStillUp: true }),
      () => finish({ serverStillUp: false }),
    );
  });
  app.quit();
}

await import(pathToFileURL(path.join(process.env.FAKE_APP_PATH, 'out', 'main', 'index.js')).href);
