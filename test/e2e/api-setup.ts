// Data set up through the HTTP API before a browser test looks at it: a finished job and review
// decisions. The browser tests check screens, so they do not repeat the import through the UI.

import { readFileSync } from 'node:fs';
import path from 'node:path';

const JOB_TIMEOUT_MS = 60_000;
const POLL_MS = 250;

export interface ApiTarget {
  url: string;
  token: string;
}

async function call<T>(target: ApiTarget, method: string, apiPath: string, body?: FormData | object): Promise<T> {
  const headers: Record<string, string> = { Authorization: `Bearer ${target.token}` };
  let payload: FormData | string | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    payload = JSON.stringify(body);
    headers['Content-Type'] = 'application/json';
  }

  const response = await fetch(`${target.url}${apiPath}`, { method, headers, body: payload });
  if (!response.ok) throw new Error(`${method} ${apiPath} returned ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** Upload a price list, start it with the guessed columns, wait until the job completes and return its request id. */
export async function runPriceList(target: ApiTarget, file: string, supplier: string): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([readFileSync(file)]), path.basename(file));
  const preview = await call<{ upload_id: string; mapping: Record<string, number | null> }>(target, 'POST', '/api/v1/price-lists', form);
  const started = await call<{ request_id: string }>(target, 'POST', `/api/v1/price-lists/${preview.upload_id}/start`, { mapping: preview.mapping, supplier });

  const deadline = Date.now() + JOB_TIMEOUT_MS;
  for (;;) {
    const status = await call<{ status: string }>(target, 'GET', `/api/v1/materials/process-enhanced/status/${started.request_id}`);
    if (status.status === 'completed') return started.request_id;
    if (status.status !== 'pending' && status.status !== 'running') throw new Error(`Job ${started.request_id} ended with status ${status.status}`);
    if (Date.now() > deadline) throw new Error(`Job ${started.request_id} did not complete within ${JOB_TIMEOUT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

export async function firstLines(target: ApiTarget, requestId: string, count: number): Promise<{ material_id: string; sku: string | null }[]> {
  const page = await call<{ results: { material_id: string; sku: string | null }[] }>(
    target,
    'GET',
    `/api/v1/materials/process-enhanced/results/${requestId}?page=1&page_size=${count}`,
  );
  return page.results;
}

export async function review(target: ApiTarget, requestId: string, materialId: string, decision: { action: 'accept' | 'reject'; sku?: string }): Promise<void> {
  await call(target, 'POST', `/api/v1/materials/process-enhanced/results/${requestId}/${materialId}/review`, decision);
}
