// Error responses of the HTTP API: one JSON shape `{ error, message, ... }` for every failure, with
// the message in the request's language, and one log line per failure that repeats cannot flood.

import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { UserError, type LocalizedText } from '../errors.js';
import { requestLanguage, type Language } from './language.js';
import type { LogThrottle } from './log-throttle.js';
import { RequestValidationError } from './validation.js';

/** An expected failure with its HTTP status and a stable `error` code for clients. */
export class ApiError extends Error {
  readonly statusCode: number;
  readonly code: string;
  readonly text: LocalizedText;

  constructor(statusCode: number, code: string, text: LocalizedText) {
    super(text.en);
    this.name = 'ApiError';
    this.statusCode = statusCode;
    this.code = code;
    this.text = text;
  }
}

export function requestNotFound(requestId: string): ApiError {
  return new ApiError(404, 'not_found', {
    ru: `Запрос «${requestId}» не найден. Проверьте request_id или список запросов.`,
    en: `Request "${requestId}" not found. Check the request_id or the list of requests.`,
  });
}

export interface ErrorLimits {
  jsonBodyBytes: number;
  uploadBytes: number;
}

export interface ErrorBody {
  error: string;
  message: string;
  [field: string]: unknown;
}

/** The body of a malformed JSON request, with the parser's own description of the fault. */
export class InvalidJsonError extends Error {
  readonly statusCode = 400;
  readonly detail: string;

  constructor(detail: string) {
    super(`Invalid JSON: ${detail}`);
    this.name = 'InvalidJsonError';
    this.detail = detail;
  }
}

/** Install the handler that turns every thrown error into the JSON error response. Call it before registering routes. */
export function installErrorHandler(app: FastifyInstance, limits: ErrorLimits, throttle: LogThrottle): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const lang = requestLanguage(request);
    const { status, body } = describeError(error, request, lang, limits);
    logFailure(throttle, request, status, body.error, error);
    return reply.code(status).type('application/json; charset=utf-8').send(body);
  });
}

/**
 * Respond to unknown routes with a JSON 404, after giving `fallback` (the browser UI's client-side
 * routes) the chance to respond first.
 */
export function installNotFoundHandler(
  app: FastifyInstance,
  throttle: LogThrottle,
  fallback?: (request: FastifyRequest, reply: FastifyReply) => Promise<boolean>,
): void {
  app.setNotFoundHandler(async (request, reply) => {
    if (fallback && (await fallback(request, reply))) return reply;
    const path = request.url.split('?')[0] ?? request.url;
    const text = {
      ru: `Адрес ${request.method} ${path} не найден. Список адресов API: /openapi.json.`,
      en: `Route ${request.method} ${path} not found. The API routes are listed in /openapi.json.`,
    };
    logFailure(throttle, request, 404, 'not_found');
    return reply.code(404).send({ error: 'not_found', message: text[requestLanguage(request)] });
  });
}

function describeError(error: FastifyError, request: FastifyRequest, lang: Language, limits: ErrorLimits): { status: number; body: ErrorBody } {
  if (error instanceof RequestValidationError) {
    const first = error.details[0];
    const summary = {
      ru: `Запрос не прошёл проверку (ошибок: ${error.total})${first ? `. ${first.path}: ${first.text.ru}` : '.'}`,
      en: `The request is invalid (${error.total} ${error.total === 1 ? 'error' : 'errors'})${first ? `. ${first.path}: ${first.text.en}` : '.'}`,
    };
    return {
      status: 422,
      body: {
        error: 'validation_failed',
        message: summary[lang],
        details: error.details.map((detail) => ({ path: detail.path, message: detail.text[lang] })),
      },
    };
  }

  if (error instanceof ApiError) return { status: error.statusCode, body: { error: error.code, message: error.text[lang] } };
  if (error instanceof UserError) return { status: 422, body: { error: error.code, message: error.format(lang), place: error.place } };

  if (error instanceof InvalidJsonError) {
    const text = {
      ru: `Тело запроса не является корректным JSON: ${error.detail}`,
      en: `The request body is not valid JSON: ${error.detail}`,
    };
    return { status: 400, body: { error: 'invalid_json', message: text[lang] } };
  }

  const known = describeFastifyError(error, request, limits);
  if (known) return { status: known.status, body: { error: known.code, message: known.text[lang] } };

  const status = error.statusCode;
  if (status !== undefined && status >= 400 && status < 500) {
    const text = { ru: `Некорректный запрос: ${error.message}`, en: `Bad request: ${error.message}` };
    return { status, body: { error: 'bad_request', message: text[lang] } };
  }

  const text = {
    ru: `Внутренняя ошибка сервера. Подробности в журнале сервера, номер запроса ${request.id}.`,
    en: `Internal server error. The server log has the details under request ${request.id}.`,
  };
  return { status: 500, body: { error: 'internal_error', message: text[lang], trace_id: request.id } };
}

interface KnownError {
  status: number;
  code: string;
  text: LocalizedText;
}

/** Errors that Fastify and @fastify/multipart raise for a malformed or oversized request. */
function describeFastifyError(error: FastifyError, request: FastifyRequest, limits: ErrorLimits): KnownError | null {
  const jsonMegabytes = Math.round(limits.jsonBodyBytes / 1024 / 1024);
  const uploadMegabytes = Math.round(limits.uploadBytes / 1024 / 1024);

  switch (error.code) {
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return {
        status: 400,
        code: 'invalid_json',
        text: { ru: 'Тело запроса пустое, хотя Content-Type — application/json.', en: 'The request body is empty but Content-Type is application/json.' },
      };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return {
        status: 413,
        code: 'payload_too_large',
        text: {
          ru: `Тело запроса больше ${jsonMegabytes} МБ. Разделите материалы на несколько запросов.`,
          en: `The request body is larger than ${jsonMegabytes} MB. Split the materials into several requests.`,
        },
      };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE': {
      const type = request.headers['content-type'] ?? '';
      return {
        status: 415,
        code: 'unsupported_media_type',
        text: {
          ru: `Тип содержимого «${type}» не поддерживается. Отправьте application/json (файл каталога — как multipart/form-data).`,
          en: `Content type "${type}" is not supported. Send application/json (a catalog file as multipart/form-data).`,
        },
      };
    }
    case 'FST_REQ_FILE_TOO_LARGE':
      return {
        status: 413,
        code: 'payload_too_large',
        text: {
          ru: `Файл больше ${uploadMegabytes} МБ. Разделите его на части.`,
          en: `The file is larger than ${uploadMegabytes} MB. Split it into parts.`,
        },
      };
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return {
        status: 413,
        code: 'payload_too_large',
        text: { ru: 'В запросе слишком много файлов или полей: отправьте один файл в поле «file».', en: 'The request has too many files or fields: send one file in the "file" field.' },
      };
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return {
        status: 415,
        code: 'unsupported_media_type',
        text: { ru: 'Ожидается multipart/form-data с файлом в поле «file».', en: 'Expected multipart/form-data with a file in the "file" field.' },
      };
    default:
      return null;
  }
}

/** Log a failed request without its body or headers: client errors at info level, server errors with the stack. */
function logFailure(throttle: LogThrottle, request: FastifyRequest, status: number, code: string, error?: Error): void {
  const route = request.routeOptions.url ?? 'unknown';
  const key = status >= 500 && error ? `${status} ${code} ${route} ${error.name}: ${error.message}` : `${status} ${code} ${request.method} ${route}`;
  const decision = throttle.admit(key);
  if (!decision.log) return;

  const fields = { event: 'request_failed', method: request.method, route, status, code, repeatsSinceLastLogged: decision.suppressed };
  if (status >= 500) request.log.error({ ...fields, err: error }, 'request failed with a server error');
  else request.log.info(fields, 'request rejected');
}
