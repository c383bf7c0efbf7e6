// The one way the renderer reaches the engine: the HTTP API of the same origin, with the token the
// server puts into index.html and the UI language in Accept-Language, so error messages come
// back in the language the user reads.

import type {
  CancelAnswer,
  CatalogImportAnswer,
  CatalogInfo,
  CatalogSearchAnswer,
  ErrorBody,
  ExportFormat,
  JobStatus,
  PriceListPreview,
  PriceListStartAnswer,
  PriceListStartRequest,
  ResultRow,
  ResultsPage,
  ResultsQuery,
  RetryAnswer,
  ReviewRequest,
  Statistics,
} from './types';

const MATERIALS = '/api/v1/materials/process-enhanced';

/** A failed API call. `message` is the server's text in the UI language when the server sent one. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ErrorBody['details'];

  constructor(status: number, code: string, message: string, details?: ErrorBody['details']) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export interface ClientOptions {
  /** The current UI language, sent as Accept-Language. */
  language: () => 'ru' | 'en';
  /** Messages for failures that carry no server message, in the UI language. */
  fallbackMessage: (kind: 'network' | 'http', status: number) => string;
}

export interface DownloadedFile {
  blob: Blob;
  fileName: string;
}

type Query = Record<string, string | number | undefined>;

export function readToken(): string | null {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="mm-token"]');
  const token = meta?.content.trim();
  return token ? token : null;
}

export function createApiClient(options: ClientOptions) {
  let token: string | null | undefined;

  function headers(extra: Record<string, string> = {}): Record<string, string> {
    if (token === undefined) token = readToken();
    const result: Record<string, string> = { 'Accept-Language': options.language(), ...extra };
    if (token) result.Authorization = `Bearer ${token}`;
    return result;
  }

  async function send(method: string, path: string, init: { query?: Query; json?: unknown; form?: FormData } = {}): Promise<Response> {
    const url = path + queryString(init.query);
    const extra: Record<string, string> = init.json === undefined ? {} : { 'Content-Type': 'application/json' };
    const body = init.form ?? (init.json === undefined ? undefined : JSON.stringify(init.json));

    let response: Response;
    try {
      response = await fetch(url, { method, headers: headers(extra), body });
    } catch {
      throw new ApiError(0, 'network', options.fallbackMessage('network', 0));
    }
    if (!response.ok) throw await errorFrom(response, options);
    return response;
  }

  async function json<T>(method: string, path: string, init?: { query?: Query; json?: unknown; form?: FormData }): Promise<T> {
    const response = await send(method, path, init);
    return (await response.json()) as T;
  }

  const id = encodeURIComponent;

  return {
    jobs: {
      list: (limit = 50) => json<{ requests: JobStatus[] }>('GET', `${MATERIALS}/requests`, { query: { limit } }).then((answer) => answer.requests),
      status: (requestId: string) => json<JobStatus>('GET', `${MATERIALS}/status/${id(requestId)}`),
      cancel: (requestId: string) => json<CancelAnswer>('POST', `${MATERIALS}/cancel/${id(requestId)}`),
      retryFailed: (requestId: string) => json<RetryAnswer>('POST', `${MATERIALS}/retry`, { json: { request_id: requestId } }),
    },
    results: {
      page: (requestId: string, query: ResultsQuery) => json<ResultsPage>('GET', `${MATERIALS}/results/${id(requestId)}`, { query: { ...query } }),
      review: (requestId: string, materialId: string, request: ReviewRequest) =>
        json<{ request_id: string; updated: ResultRow[] }>('POST', `${MATERIALS}/results/${id(requestId)}/${id(materialId)}/review`, { json: request }).then(
          (answer) => answer.updated,
        ),
      download: async (requestId: string, format: ExportFormat): Promise<DownloadedFile> => {
        const response = await send('GET', `${MATERIALS}/export/${id(requestId)}`, { query: { format } });
        const fileName = fileNameFrom(response.headers.get('Content-Disposition')) ?? `${requestId}.${format}`;
        return { blob: await response.blob(), fileName };
      },
    },
    statistics: () => json<Statistics>('GET', `${MATERIALS}/statistics`),
    catalog: {
      info: () => json<CatalogInfo>('GET', '/api/v1/catalog'),
      search: (q: string, limit = 20) => json<CatalogSearchAnswer>('GET', '/api/v1/catalog/search', { query: { q, limit } }).then((answer) => answer.results),
      import: (file: File) => json<CatalogImportAnswer>('POST', '/api/v1/catalog/import', { form: fileForm(file) }),
    },
    priceLists: {
      upload: (file: File) => json<PriceListPreview>('POST', '/api/v1/price-lists', { form: fileForm(file) }),
      sheet: (uploadId: string, sheet: string) => json<PriceListPreview>('GET', `/api/v1/price-lists/${id(uploadId)}`, { query: { sheet } }),
      start: (uploadId: string, request: PriceListStartRequest) =>
        json<PriceListStartAnswer>('POST', `/api/v1/price-lists/${id(uploadId)}/start`, { json: request }),
    },
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;

function queryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

function fileForm(file: File): FormData {
  const form = new FormData();
  form.append('file', file, file.name);
  return form;
}

async function errorFrom(response: Response, options: ClientOptions): Promise<ApiError> {
  const fallback = options.fallbackMessage('http', response.status);
  try {
    const body = (await response.json()) as Partial<ErrorBody>;
    const message = typeof body.message === 'string' && body.message ? body.message : fallback;
    return new ApiError(response.status, body.error ?? 'http_error', message, body.details);
  } catch {
    return new ApiError(response.status, 'http_error', fallback);
  }
}

/** Read the file name of a Content-Disposition header, preferring the UTF-8 `filename*` form. */
export function fileNameFrom(header: string | null): string | null {
  if (!header) return null;
  const encoded = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (encoded?.[1]) {
    try {
      return decodeURIComponent(encoded[1].trim());
    } catch {
      // A malformed escape falls through to the plain filename.
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(header);
  return plain?.[1]?.trim() ?? null;
}
