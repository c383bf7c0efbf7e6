// Zod schemas of the API's requests and responses. Fastify validates requests with them and the
// OpenAPI document at /openapi.json is generated from them. Field names are snake_case.

import { z } from 'zod';

import { parsePrice } from '../io/price.js';
import { customIssue } from './validation.js';

const REQUEST_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const MAX_ID_CHARS = 255;
const MAX_NAME_CHARS = 2_000;
const MAX_UNIT_CHARS = 100;
const MAX_EXTRA_CHARS = 10_000;
/** Largest catalog accepted as JSON; a bigger one fits only in a file upload anyway (16 MB body limit). */
const MAX_CATALOG_ITEMS = 500_000;
/** Duplicate positions listed per repeated id before the list is cut. */
const MAX_LISTED_INDEXES = 10;

const MATCH_STATUSES = ['matched', 'needs_review', 'no_match', 'failed'] as const;
const PROCESSING_STATUSES = ['pending', 'processing', ...MATCH_STATUSES] as const;
const JOB_STATES = ['pending', 'running', 'completed', 'cancelled', 'failed'] as const;
const REVIEW_ACTIONS = ['accept', 'choose', 'reject'] as const;

// ---- Building blocks ----

const emptyToUndefined = (value: unknown): unknown => (value === '' ? undefined : value);

function queryInteger(min: number, max: number, fallback: number) {
  return z.preprocess(emptyToUndefined, z.coerce.number().int().min(min).max(max).default(fallback));
}

function optionalQueryNumber(min: number, max: number) {
  return z.preprocess(emptyToUndefined, z.coerce.number().min(min).max(max).optional());
}

/** Accept an identifier sent as a string or a number and convert it to trimmed text. */
function identifier(maxChars: number) {
  return z
    .union([z.string(), z.number()])
    .transform((value) => String(value))
    .pipe(z.string().trim().min(1).max(maxChars));
}

export const RequestIdSchema = z
  .string()
  .refine((value) => REQUEST_ID_PATTERN.test(value), {
    message: 'request_id must be 1 to 128 characters: Latin letters, digits and . _ : - (not first).',
    params: {
      text: {
        ru: 'request_id: от 1 до 128 символов — латинские буквы, цифры и . _ : - (не первым символом).',
        en: 'request_id must be 1 to 128 characters: Latin letters, digits and . _ : - (not first).',
      },
    },
  })
  .meta({ description: 'Client-chosen id of the request; generated when missing', pattern: REQUEST_ID_PATTERN.source });

const Timestamp = z.string().describe('ISO-8601 time');
const Count = z.number().int().min(0);

/** Extra columns of a material: text, numbers and booleans are kept as text. */
const ExtraValue = z.union([z.string().max(MAX_EXTRA_CHARS), z.number(), z.boolean(), z.null()]);

const PriceInput = z
  .union([z.number(), z.string().max(50), z.null()])
  .optional()
  .transform((value, context) => {
    if (value === undefined || value === null) return null;
    if (typeof value === 'number') {
      if (Number.isFinite(value)) return value;
      context.addIssue(customIssue({ ru: 'Цена должна быть конечным числом.', en: 'The price must be a finite number.' }));
      return z.NEVER;
    }
    const parsed = parsePrice(value);
    if (parsed === 'invalid') {
      context.addIssue(customIssue({ ru: `Цена «${value}» не является числом.`, en: `Price "${value}" is not a number.` }));
      return z.NEVER;
    }
    return parsed;
  })
  .describe('Price per the line unit: a number or text such as "2 519,00"');

// ---- Submitting materials ----

const MaterialSchema = z
  .object({
    id: identifier(MAX_ID_CHARS).describe('Id of the line, unique within the request'),
    name: z.string().trim().min(1).max(MAX_NAME_CHARS).describe('Name as the supplier writes it'),
    unit: z.string().trim().max(MAX_UNIT_CHARS).default('').describe('Unit as the supplier writes it, such as "меш"'),
    price: PriceInput,
  })
  .catchall(ExtraValue)
  .transform(({ id, name, unit, price, ...rest }) => {
    const extra: Record<string, string> = {};
    for (const [key, value] of Object.entries(rest)) extra[key] = value === null || value === undefined ? '' : String(value);
    return { id, name, unit, price, extra };
  })
  .describe('A price-list line; fields other than id, name, unit and price are kept as extra columns');

export function submitBodySchema(maxMaterials: number) {
  return z
    .object({
      request_id: RequestIdSchema.optional(),
      supplier: z.string().trim().max(200).nullable().optional().describe('Supplier name; review decisions are remembered per supplier'),
      materials: z.array(MaterialSchema).min(1).max(maxMaterials),
    })
    .superRefine((body, context) => {
      for (const issue of duplicateIssues(body.materials.map((material) => material.id), 'materials', 'id')) context.addIssue(issue);
    });
}

/** Build one issue per repeated value, placed at its second occurrence and listing its indexes. */
function duplicateIssues(values: string[], listField: string, field: string) {
  const indexes = new Map<string, number[]>();
  values.forEach((value, index) => {
    const seen = indexes.get(value);
    if (seen) seen.push(index);
    else indexes.set(value, [index]);
  });

  const issues = [];
  for (const [value, at] of indexes) {
    if (at.length < 2) continue;
    const listed = at.slice(0, MAX_LISTED_INDEXES).join(', ');
    const more = at.length > MAX_LISTED_INDEXES ? at.length - MAX_LISTED_INDEXES : 0;
    const text = {
      ru: `Значение ${field} «${value}» повторяется ${at.length} раз, позиции ${listed}${more > 0 ? ` и ещё ${more}` : ''}. Значения ${field} должны быть уникальными.`,
      en: `Duplicate ${field} "${value}" appears ${at.length} times, at indexes ${listed}${more > 0 ? ` and ${more} more` : ''}. Each ${field} must be unique.`,
    };
    issues.push(customIssue(text, [listField, at[1]!, field]));
  }
  return issues;
}

export const SubmitAnswerSchema = z.object({
  request_id: z.string(),
  materials_count: Count,
  status: z.literal('accepted'),
  estimated_completion: Timestamp,
});

// ---- Status, results, statistics ----

export const RequestIdParams = z.object({ request_id: z.string().min(1).max(200) });

export const StatusCountsSchema = z.object({
  pending: Count,
  processing: Count,
  matched: Count,
  needs_review: Count,
  no_match: Count,
  failed: Count,
  total: Count,
});

export const JobStatusSchema = z.object({
  request_id: z.string(),
  status: z.enum(JOB_STATES),
  supplier: z.string().nullable(),
  progress: z.object({
    total: Count,
    completed: Count.describe('Lines with a final status, failed lines with no retry left included'),
    failed: Count,
    pending: Count,
    percentage: z.number().min(0).max(100),
  }),
  counts_by_status: StatusCountsSchema,
  lines_per_second: z.number().nullable(),
  estimated_completion: Timestamp.nullable(),
  started_at: Timestamp.nullable(),
  completed_at: Timestamp.nullable(),
  created_at: Timestamp,
  catalog_version: z.string().nullable(),
});

export const ResultsQuerySchema = z
  .object({
    page: queryInteger(1, 1_000_000, 1),
    page_size: queryInteger(1, 1_000, 100),
    status: z.preprocess(emptyToUndefined, z.enum(MATCH_STATUSES).optional()),
    search: z.preprocess(emptyToUndefined, z.string().trim().max(500).optional()).describe('Text contained in the original name, case-insensitive'),
    min_score: optionalQueryNumber(0, 1),
    max_score: optionalQueryNumber(0, 1),
  })
  .superRefine((query, context) => {
    if (query.min_score !== undefined && query.max_score !== undefined && query.min_score > query.max_score) {
      context.addIssue(
        customIssue(
          { ru: 'min_score больше max_score: ни одна строка не подойдёт.', en: 'min_score is greater than max_score, so no line can match.' },
          ['min_score'],
        ),
      );
    }
  });

const ReasonSchema = z.object({
  code: z.string(),
  detail: z.string().nullable(),
  text: z.string().describe('The reason in the language of the request'),
});

const CandidateSchema = z.object({
  sku: z.string(),
  name: z.string(),
  unit: z.string(),
  score: z.number(),
  unit_coefficient: z.number().nullable().describe('1 line unit = k catalog units; null when unknown'),
  reasons: z.array(ReasonSchema),
});

export const ResultRowSchema = z.object({
  material_id: z.string(),
  row_number: z.number().int().nullable(),
  original_name: z.string(),
  original_unit: z.string(),
  price: z.number().nullable(),
  input: z.record(z.string(), z.string()).nullable().describe('The line as submitted, all its columns as text'),
  processing_status: z.enum(PROCESSING_STATUSES),
  sku: z.string().nullable(),
  catalog_name: z.string().nullable(),
  catalog_unit: z.string().nullable(),
  similarity_score: z.number().nullable(),
  normalized_unit: z.string().nullable(),
  unit_coefficient: z.number().nullable(),
  normalized_color: z.string().nullable(),
  candidates: z.array(CandidateSchema),
  reasons: z.array(ReasonSchema),
  error_message: z.string().nullable(),
  retry_count: Count,
  processed_at: Timestamp.nullable(),
  review: z.object({ action: z.enum(REVIEW_ACTIONS), sku: z.string().nullable(), reviewed_at: Timestamp }).nullable(),
});

export const ResultsPageSchema = z.object({
  request_id: z.string(),
  page: z.number().int(),
  page_size: z.number().int(),
  total_items: Count,
  total_pages: Count,
  summary: StatusCountsSchema,
  results: z.array(ResultRowSchema),
});

export const StatisticsSchema = z.object({
  totals: StatusCountsSchema,
  requests: z.object({ pending: Count, running: Count, completed: Count, cancelled: Count, failed: Count }),
  mean_score: z.number().nullable(),
  lines_per_second: z.number().nullable(),
  per_day: z.array(z.object({ day: z.string(), total: Count, matched: Count, needs_review: Count, no_match: Count, failed: Count })),
  score_histogram: z.array(z.object({ from: z.number(), to: z.number(), count: Count })),
});

export const RetryBodySchema = z
  .object({
    request_id: z.string().min(1).max(200).optional(),
    material_ids: z.array(identifier(MAX_ID_CHARS)).min(1).max(100_000).optional(),
  })
  .superRefine((body, context) => {
    if (body.material_ids !== undefined && body.request_id === undefined) {
      context.addIssue(
        customIssue(
          { ru: 'material_ids указываются вместе с request_id.', en: 'material_ids needs a request_id.' },
          ['request_id'],
        ),
      );
    }
  })
  .describe('Without fields, every failed line of every request is queued again');

export const RetryAnswerSchema = z.object({ retried: Count.describe('Lines queued again') });

export const CleanupQuerySchema = z.object({
  days: queryInteger(1, 36_500, 30).describe('Delete requests created more than this many days ago'),
});

export const CleanupAnswerSchema = z.object({ deleted_requests: Count, deleted_results: Count });

export const HealthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  uptime_seconds: z.number(),
  workers: Count,
  catalog: z.object({ version: z.number().int(), item_count: Count }).nullable(),
  queue: z.object({ pending_lines: Count, running_requests: Count }),
});

export const CancelAnswerSchema = z.object({
  request_id: z.string(),
  cancelled: z.literal(true),
  status: z.enum(JOB_STATES),
});

export const RequestsQuerySchema = z.object({ limit: queryInteger(1, 500, 50) });

export const RequestsListSchema = z.object({ requests: z.array(JobStatusSchema) });

// ---- Catalog ----

const CatalogItemInput = z.object({
  sku: identifier(MAX_ID_CHARS),
  name: z.string().trim().min(1).max(MAX_NAME_CHARS),
  unit: z.string().trim().max(MAX_UNIT_CHARS).default(''),
  category: z.string().trim().max(500).nullable().optional(),
});

export const CatalogImportJsonSchema = z
  .object({ items: z.array(CatalogItemInput).min(1).max(MAX_CATALOG_ITEMS) })
  .superRefine((body, context) => {
    for (const issue of duplicateIssues(body.items.map((item) => item.sku), 'items', 'sku')) context.addIssue(issue);
  });

/** The multipart form of the catalog import, for the OpenAPI document only (the route reads the file itself). */
export const CatalogImportMultipartDoc = {
  type: 'object',
  required: ['file'],
  properties: { file: { type: 'string', format: 'binary', description: 'Catalog file: .csv, .tsv, .txt, .xlsx, .xlsm, .xls or .ods' } },
} as const;

const IssueSchema = z.object({
  code: z.string(),
  message: z.string(),
  place: z.object({ file: z.string().optional(), sheet: z.string().optional(), row: z.number().optional(), column: z.string().optional() }),
});

export const CatalogImportAnswerSchema = z.object({
  version: z.number().int(),
  item_count: Count,
  issues: z.array(IssueSchema).describe('Skipped rows of the file, at most 1000'),
  issues_total: Count,
});

export const CatalogInfoSchema = z.object({
  version: z.number().int().nullable(),
  item_count: Count,
  embedder_id: z.string().nullable(),
  catalog_file: z.string().nullable(),
  created_at: Timestamp.nullable(),
});

export const CatalogSearchQuerySchema = z.object({
  q: z.string().trim().min(1).max(500),
  limit: queryInteger(1, 100, 20),
});

export const CatalogSearchAnswerSchema = z.object({
  query: z.string(),
  results: z.array(z.object({ sku: z.string(), name: z.string(), unit: z.string(), category: z.string().nullable(), score: z.number() })),
});

// ---- Review and export ----

export const ReviewParams = z.object({ request_id: z.string().min(1).max(200), material_id: z.string().min(1).max(MAX_ID_CHARS) });

export const ReviewBodySchema = z
  .object({
    action: z.enum(REVIEW_ACTIONS).describe('accept the proposed SKU, choose another one, or reject every candidate'),
    sku: z.string().trim().min(1).max(MAX_ID_CHARS).nullable().optional().describe('Required for choose'),
    apply_to_identical: z.boolean().default(false).describe('Also apply to lines of the request with the same name and unit'),
  })
  .superRefine((body, context) => {
    if (body.action === 'choose' && !body.sku) {
      context.addIssue(customIssue({ ru: 'Для действия choose укажите sku.', en: 'The choose action needs a sku.' }, ['sku']));
    }
  });

export const ReviewAnswerSchema = z.object({ request_id: z.string(), updated: z.array(ResultRowSchema) });

export const ExportQuerySchema = z.object({ format: z.preprocess(emptyToUndefined, z.enum(['xlsx', 'csv']).default('xlsx')) });

// ---- Errors ----

export const ErrorSchema = z
  .object({
    error: z.string().describe('Stable error code, such as validation_failed or not_found'),
    message: z.string().describe('Russian, or English when Accept-Language prefers English'),
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .loose();

/** Error responses of every token-protected route; routes add 404, 409 or 413 where they apply. */
export const commonErrorResponses = {
  400: ErrorSchema,
  401: ErrorSchema,
  403: ErrorSchema,
  421: ErrorSchema,
  422: ErrorSchema,
  500: ErrorSchema,
};
