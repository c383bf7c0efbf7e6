// A stand-in for the HTTP API in renderer tests: it returns fixed data shaped like the real
// API's responses and records every request the UI sends.

import type {
  CatalogInfo,
  JobStatus,
  PriceListPreview,
  ResultRow,
  ResultsPage,
  Statistics,
  StatusCounts,
} from '../../src-renderer/api/types';

export const REASON_CODES = [
  'article_match',
  'article_differs',
  'grade_match',
  'grade_conflict',
  'measure_match',
  'measure_conflict',
  'measure_missing',
  'color_match',
  'color_conflict',
  'color_missing',
  'unit_coefficient',
  'unit_unknown',
  'unit_incompatible',
  'text_similarity',
  'confirmed_before',
  'rejected_before',
  'ambiguous',
  'below_threshold',
];

const counts = (matched: number, needsReview: number, noMatch: number, failed: number, pending = 0): StatusCounts => ({
  pending,
  processing: 0,
  matched,
  needs_review: needsReview,
  no_match: noMatch,
  failed,
  total: matched + needsReview + noMatch + failed + pending,
});

export const DONE_JOB: JobStatus = {
  request_id: 'req-done-0001',
  status: 'completed',
  supplier: 'ООО «СтройСнаб»',
  progress: { total: 4, completed: 4, failed: 1, pending: 0, percentage: 100 },
  counts_by_status: counts(1, 1, 1, 1),
  lines_per_second: 850.4,
  estimated_completion: null,
  started_at: '2026-03-02T09:00:00.000Z',
  completed_at: '2026-03-02T09:00:05.000Z',
  created_at: '2026-03-02T08:59:58.000Z',
  catalog_version: '3',
};

export const RUNNING_JOB: JobStatus = {
  request_id: 'req-running-0002',
  status: 'running',
  supplier: null,
  progress: { total: 10_000, completed: 2_500, failed: 0, pending: 7_500, percentage: 25 },
  counts_by_status: counts(2_000, 400, 100, 0, 7_500),
  lines_per_second: 1_234,
  estimated_completion: new Date(Date.now() + 95_000).toISOString(),
  started_at: '2026-03-02T10:00:00.000Z',
  completed_at: null,
  created_at: '2026-03-02T10:00:00.000Z',
  catalog_version: '3',
};

function row(index: number, status: ResultRow['processing_status'], extra: Partial<ResultRow> = {}): ResultRow {
  return {
    material_id: `m${index}`,
    row_number: index + 1,
    original_name: `Цемент М500 Д0 ПЦ 50кг вариант ${index}`,
    original_unit: 'меш',
    price: 520,
    input: null,
    processing_status: status,
    sku: status === 'matched' || status === 'needs_review' ? `SKU-${index}` : null,
    catalog_name: status === 'matched' || status === 'needs_review' ? 'Цемент М500 Д0' : null,
    catalog_unit: status === 'matched' || status === 'needs_review' ? 'кг' : null,
    similarity_score: status === 'failed' ? null : 0.91 - index * 0.2,
    normalized_unit: 'меш',
    unit_coefficient: 50,
    normalized_color: 'белый',
    candidates: [
      {
        sku: `SKU-${index}`,
        name: 'Цемент М500 Д0',
        unit: 'кг',
        score: 0.91,
        unit_coefficient: 50,
        reasons: REASON_CODES.map((code) => ({ code, detail: code === 'grade_conflict' ? 'м500 ≠ м400' : null, text: code })),
      },
      { sku: `SKU-${index}-b`, name: 'Цемент М400 Д20', unit: 'т', score: 0.55, unit_coefficient: 0.05, reasons: [{ code: 'grade_conflict', detail: 'м500 ≠ м400' }] },
    ],
    reasons: [{ code: 'ambiguous', detail: null, text: 'a close second candidate' }],
    error_message: status === 'failed' ? 'Ошибка при обработке строки' : null,
    retry_count: 0,
    processed_at: '2026-03-02T09:00:04.000Z',
    review: index === 0 ? { action: 'accept', sku: 'SKU-0', reviewed_at: '2026-03-02T09:10:00.000Z' } : null,
    ...extra,
  };
}

export const ROWS: ResultRow[] = [row(0, 'matched'), row(1, 'needs_review'), row(2, 'no_match'), row(3, 'failed')];

export function resultsPage(rows: ResultRow[], page: number, pageSize: number): ResultsPage {
  const start = (page - 1) * pageSize;
  const summary = counts(0, 0, 0, 0);
  for (const line of rows) {
    if (line.processing_status in summary) summary[line.processing_status] += 1;
  }
  summary.total = rows.length;
  return {
    request_id: DONE_JOB.request_id,
    page,
    page_size: pageSize,
    total_items: rows.length,
    total_pages: Math.ceil(rows.length / pageSize),
    summary,
    results: rows.slice(start, start + pageSize),
  };
}

export const CATALOG: CatalogInfo = {
  version: 3,
  item_count: 50_000,
  embedder_id: 'builtin-hash-256',
  catalog_file: 'nomenklatura-2026.xlsx',
  created_at: '2026-03-01T12:00:00.000Z',
};

export const STATISTICS: Statistics = {
  totals: counts(2_001, 401, 101, 1),
  requests: { pending: 0, running: 1, completed: 1, cancelled: 0, failed: 0 },
  mean_score: 0.83,
  lines_per_second: 900,
  per_day: [{ day: '2026-03-02', total: 2_504, matched: 2_001, needs_review: 401, no_match: 101, failed: 1 }],
  score_histogram: Array.from({ length: 10 }, (_, index) => ({ from: index / 10, to: (index + 1) / 10, count: index * 10 })),
};

export const PREVIEW: PriceListPreview = {
  upload_id: '3f1c2a4e-0000-4000-8000-000000000001',
  file_name: 'prais-mart.xlsx',
  sheets: ['Прайс', 'Акции'],
  sheet: 'Прайс',
  headers: ['Код', 'Наименование', 'Ед.', 'Цена, руб.'],
  rows: [
    ['A-1', 'Цемент М500 Д0 ПЦ 50кг', 'меш', '520,00'],
    ['A-2', 'Гипсокартон 2500х1200х12,5', 'лист', '389,90'],
  ],
  row_count: 1_234,
  mapping: { name: 1, unit: 2, price: 3, id: 0 },
};

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Headers;
  body: unknown;
}

export interface FakeApi {
  fetch: typeof fetch;
  requests: RecordedRequest[];
}

/** Create a fetch that serves the fixtures above. Unknown routes get the API's 404 error body. */
export function createFakeApi(rows: ResultRow[] = ROWS): FakeApi {
  const requests: RecordedRequest[] = [];

  /** The reviewed line as the server returns it: matched with the SKU, or no_match when rejected. */
  const reviewed = (path: string, body: unknown): ResultRow[] => {
    const materialId = decodeURIComponent(path.split('/').at(-2) ?? '');
    const line = rows.find((candidate) => candidate.material_id === materialId);
    if (!line) return [];
    const decision = body as { action: 'accept' | 'choose' | 'reject'; sku?: string };
    const sku = decision.action === 'reject' ? null : (decision.sku ?? line.sku);
    return [
      {
        ...line,
        processing_status: sku ? 'matched' : 'no_match',
        sku,
        review: { action: decision.action, sku, reviewed_at: '2026-03-02T09:30:00.000Z' },
      },
    ];
  };

  const answer = (path: string, method: string, query: URLSearchParams, body: unknown): [number, unknown] => {
    if (path === '/api/v1/catalog') return [200, CATALOG];
    if (path === '/api/v1/catalog/search') return [200, { query: query.get('q'), results: [{ sku: 'SKU-77', name: 'Цемент М500 Д0 навал', unit: 'т', category: 'Цемент', score: 0.7 }] }];
    if (path === '/api/v1/price-lists' && method === 'POST') return [201, PREVIEW];
    if (path.endsWith('/requests')) return [200, { requests: [RUNNING_JOB, DONE_JOB] }];
    if (path.endsWith('/statistics')) return [200, STATISTICS];
    if (path.includes('/results/') && path.endsWith('/review')) return [200, { request_id: DONE_JOB.request_id, updated: reviewed(path, body) }];
    if (path.includes('/results/')) return [200, resultsPage(rows, Number(query.get('page') ?? 1), Number(query.get('page_size') ?? 100))];
    return [404, { error: 'not_found', message: `Адрес ${method} ${path} не найден.` }];
  };

  const fakeFetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(String(input), 'http://127.0.0.1:8765');
    const method = init.method ?? 'GET';
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : init.body;
    requests.push({ method, path: url.pathname, query: url.searchParams, headers: new Headers(init.headers), body });

    const [status, payload] = answer(url.pathname, method, url.searchParams, body);
    return new Response(JSON.stringify(payload), { status, headers: { 'content-type': 'application/json' } });
  };

  return { fetch: fakeFetch as typeof fetch, requests };
}
