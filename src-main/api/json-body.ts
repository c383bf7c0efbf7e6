// JSON body parsing: Fastify's own parser (which rejects `__proto__` and `constructor.prototype`
// keys), with the position of a syntax error added to the error response.

import type { FastifyError, FastifyInstance } from 'fastify';

import { InvalidJsonError } from './errors.js';

export function installJsonParser(app: FastifyInstance): void {
  const parseSecurely = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    parseSecurely(request, text, (error: Error | null, value?: unknown) => {
      if (error && (error as FastifyError).code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
        done(new InvalidJsonError(describeJsonFault(text)), undefined);
        return;
      }
      done(error, value);
    });
  });
}

/** Describe the fault: the syntax error as JSON.parse reports it, or the forbidden keys when the syntax is valid. */
function describeJsonFault(text: string): string {
  try {
    JSON.parse(text);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return 'the keys "__proto__" and "constructor.prototype" are not allowed';
}
