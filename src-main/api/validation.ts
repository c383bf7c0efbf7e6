// Request validation with zod: the schema compiler Fastify calls for every route, and the
// Russian and English text of each zod issue.

import type { FastifySchemaCompiler } from 'fastify';
import { z } from 'zod';

import type { LocalizedText } from '../errors.js';

/** Maximum issues listed in one response; the message still gives the total. */
const MAX_DETAILS = 100;

export interface ValidationDetail {
  /** Dotted path of the invalid value, such as `materials.3.name`, or the request part for the whole part. */
  path: string;
  text: LocalizedText;
}

/** A request whose body, query string or path parameters do not match the route's schema. */
export class RequestValidationError extends Error {
  readonly statusCode = 422;
  readonly part: string;
  readonly details: ValidationDetail[];
  readonly total: number;

  constructor(part: string, details: ValidationDetail[], total = details.length) {
    super(`Invalid ${part}: ${details.map((detail) => `${detail.path}: ${detail.text.en}`).join('; ')}`);
    this.name = 'RequestValidationError';
    this.part = part;
    this.details = details;
    this.total = total;
  }
}

/**
 * Fastify schema compiler for zod schemas. Schemas that are not zod (plain JSON schemas written
 * only for the OpenAPI document, such as a multipart body) accept any value.
 */
export const zodValidatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  if (!(schema instanceof z.ZodType)) return (data: unknown) => ({ value: data });
  const zodSchema = schema;
  return (data: unknown) => {
    const result = zodSchema.safeParse(data, { reportInput: true });
    if (result.success) return { value: result.data };
    return { error: validationError(httpPart ?? 'body', result.error.issues) };
  };
};

/** Parse a value the handler received outside Fastify's validation, such as a JSON body of a route that also takes files. */
export function parseOrThrow<T extends z.ZodType>(schema: T, data: unknown, part = 'body'): z.output<T> {
  const result = schema.safeParse(data, { reportInput: true });
  if (!result.success) throw validationError(part, result.error.issues);
  return result.data;
}

export function validationError(part: string, issues: readonly z.core.$ZodIssue[]): RequestValidationError {
  const details = issues.slice(0, MAX_DETAILS).map((issue) => ({
    path: issue.path.length > 0 ? issue.path.map(String).join('.') : part,
    text: issueText(issue),
  }));
  return new RequestValidationError(part, details, issues.length);
}

/** Text of a custom issue raised by a refinement: both languages travel in `params.text`. */
export function customIssue(text: LocalizedText, path: PropertyKey[] = []) {
  return { code: 'custom' as const, message: text.en, params: { text }, path, input: undefined };
}

const TYPE_NAMES: Record<string, LocalizedText> = {
  string: { ru: 'строка', en: 'a string' },
  number: { ru: 'число', en: 'a number' },
  int: { ru: 'целое число', en: 'an integer' },
  boolean: { ru: 'true или false', en: 'true or false' },
  array: { ru: 'список', en: 'a list' },
  object: { ru: 'объект', en: 'an object' },
  null: { ru: 'null', en: 'null' },
  nan: { ru: 'не число', en: 'not a number' },
};

function typeName(type: string): LocalizedText {
  return TYPE_NAMES[type] ?? { ru: type, en: type };
}

function receivedType(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  if (typeof input === 'number' && Number.isNaN(input)) return 'nan';
  return typeof input;
}

export function issueText(issue: z.core.$ZodIssue): LocalizedText {
  switch (issue.code) {
    case 'invalid_type':
      return invalidTypeText(issue.expected, issue.input);
    case 'too_small':
      return tooSmallText(issue);
    case 'too_big':
      return tooBigText(issue);
    case 'invalid_value':
      return {
        ru: `Недопустимое значение. Допустимые: ${issue.values.map(String).join(', ')}.`,
        en: `Invalid value. Allowed: ${issue.values.map(String).join(', ')}.`,
      };
    case 'unrecognized_keys':
      return { ru: `Неизвестные поля: ${issue.keys.join(', ')}.`, en: `Unknown fields: ${issue.keys.join(', ')}.` };
    case 'invalid_union':
      return invalidUnionText(issue);
    case 'custom': {
      const text = (issue.params as { text?: LocalizedText } | undefined)?.text;
      return text ?? { ru: issue.message, en: issue.message };
    }
    default:
      return { ru: `Недопустимое значение (${issue.message}).`, en: `Invalid value (${issue.message}).` };
  }
}

function invalidTypeText(expected: string, input: unknown): LocalizedText {
  const wanted = typeName(expected);
  if (input === undefined) return { ru: `Обязательное поле отсутствует, ожидается ${wanted.ru}.`, en: `Required field is missing; expected ${wanted.en}.` };
  const got = typeName(receivedType(input));
  return { ru: `Ожидается ${wanted.ru}, получено: ${got.ru}.`, en: `Expected ${wanted.en}, got ${got.en}.` };
}

function tooSmallText(issue: z.core.$ZodIssueTooSmall): LocalizedText {
  const minimum = Number(issue.minimum);
  if (issue.origin === 'string') {
    if (minimum <= 1) return { ru: 'Значение не должно быть пустым.', en: 'The value must not be empty.' };
    return { ru: `Нужно не меньше ${minimum} символов.`, en: `At least ${minimum} characters are required.` };
  }
  if (issue.origin === 'array') {
    if (minimum <= 1) return { ru: 'Список не должен быть пустым.', en: 'The list must not be empty.' };
    return { ru: `Нужно не меньше ${minimum} элементов.`, en: `At least ${minimum} items are required.` };
  }
  return issue.inclusive === false
    ? { ru: `Значение должно быть больше ${minimum}.`, en: `The value must be greater than ${minimum}.` }
    : { ru: `Значение должно быть не меньше ${minimum}.`, en: `The value must be at least ${minimum}.` };
}

function tooBigText(issue: z.core.$ZodIssueTooBig): LocalizedText {
  const maximum = Number(issue.maximum);
  if (issue.origin === 'array') {
    const count = Array.isArray(issue.input) ? issue.input.length : null;
    const got = count === null ? { ru: '', en: '' } : { ru: ` (${count})`, en: ` (${count})` };
    return {
      ru: `Слишком много элементов${got.ru}: допускается не больше ${maximum}.`,
      en: `Too many items${got.en}: at most ${maximum} are allowed.`,
    };
  }
  if (issue.origin === 'string') {
    return { ru: `Слишком длинная строка: допускается не больше ${maximum} символов.`, en: `The text is too long: at most ${maximum} characters are allowed.` };
  }
  return issue.inclusive === false
    ? { ru: `Значение должно быть меньше ${maximum}.`, en: `The value must be less than ${maximum}.` }
    : { ru: `Значение должно быть не больше ${maximum}.`, en: `The value must be at most ${maximum}.` };
}

/** Describe a failed union of primitive types (such as string or number), which has one invalid_type issue per option. */
function invalidUnionText(issue: z.core.$ZodIssue & { code: 'invalid_union' }): LocalizedText {
  if (issue.input === undefined) return { ru: 'Обязательное поле отсутствует.', en: 'Required field is missing.' };

  const expected: string[] = [];
  for (const option of issue.errors) {
    const first = option[0];
    if (option.length !== 1 || first?.code !== 'invalid_type') return { ru: 'Недопустимое значение.', en: 'Invalid value.' };
    expected.push(first.expected);
  }
  const names = expected.map(typeName);
  const got = typeName(receivedType(issue.input));
  return {
    ru: `Ожидается ${names.map((name) => name.ru).join(' или ')}, получено: ${got.ru}.`,
    en: `Expected ${names.map((name) => name.en).join(' or ')}, got ${got.en}.`,
  };
}
