// Shared data shapes of the matching pipeline. Type-only: safe to import from any process.

/** One line of a supplier price list, as read from the input file. */
export interface PriceListLine {
  /** The id column's value, or the 1-based row number in the file when there is no id column. */
  id: string;
  name: string;
  unit: string;
  price?: number;
  /** 1-based row number in the source sheet, for error messages. */
  rowNumber?: number;
}

/** One item of the reference catalog. */
export interface CatalogItem {
  sku: string;
  name: string;
  unit: string;
  category?: string;
}

/** Why a candidate scored as it did; rendered for people by formatReason. */
export type ReasonCode =
  | 'article_match'
  | 'article_differs'
  | 'grade_match'
  | 'grade_conflict'
  | 'measure_match'
  | 'measure_conflict'
  | 'measure_missing'
  | 'color_match'
  | 'color_conflict'
  | 'color_missing'
  | 'unit_coefficient'
  | 'unit_unknown'
  | 'unit_incompatible'
  | 'text_similarity'
  | 'confirmed_before'
  | 'rejected_before'
  | 'ambiguous'
  | 'below_threshold';

export interface Reason {
  code: ReasonCode;
  /** Data behind the reason, such as `м500 ≠ м400` or `1 меш = 50 кг`. */
  detail?: string;
}

export type MatchStatus = 'matched' | 'needs_review' | 'no_match' | 'failed';

/** A catalog item proposed for a line, with its score in 0..1 and the reasons behind it. */
export interface Candidate {
  sku: string;
  name: string;
  unit: string;
  score: number;
  /** Coefficient from the line's unit to this item's unit (1 line unit = k item units); null when unknown. */
  unitCoefficient: number | null;
  reasons: Reason[];
}

/** The pipeline's result for one price-list line. */
export interface MatchResult {
  materialId: string;
  originalName: string;
  originalUnit: string;
  status: MatchStatus;
  sku: string | null;
  score: number | null;
  normalizedUnit: string | null;
  unitCoefficient: number | null;
  normalizedColor: string | null;
  candidates: Candidate[];
  reasons: Reason[];
  errorMessage: string | null;
}
