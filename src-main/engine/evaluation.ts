// Quality figures of a matcher on labeled lines (an empty expected SKU: the catalog has no such item).

export interface LabeledAnswer {
  expectedSku: string | null;
  /** The best candidate, whatever the status. */
  topSku: string | null;
  matched: boolean;
  /** The SKU given with status matched. */
  matchedSku: string | null;
}

export interface QualityFigures {
  /** Share of lines with an item whose best candidate is that item. */
  top1: number;
  /** Share of `matched` lines whose SKU is right. */
  matchedPrecision: number;
  /** Share of lines without an item that did not end as `matched`. */
  noItemKeptOut: number;
  /** Share of lines with an item that ended as `matched` with the right SKU. */
  autoMatchedCorrect: number;
  linesWithItem: number;
  linesWithoutItem: number;
  matchedCount: number;
}

export function qualityFigures(answers: LabeledAnswer[]): QualityFigures {
  const withItem = answers.filter((answer) => answer.expectedSku);
  const withoutItem = answers.filter((answer) => !answer.expectedSku);
  const matched = answers.filter((answer) => answer.matched);

  return {
    top1: share(withItem.filter((answer) => answer.topSku === answer.expectedSku).length, withItem.length),
    matchedPrecision: share(matched.filter((answer) => answer.matchedSku === answer.expectedSku && answer.expectedSku).length, matched.length),
    noItemKeptOut: share(withoutItem.filter((answer) => !answer.matched).length, withoutItem.length),
    autoMatchedCorrect: share(withItem.filter((answer) => answer.matched && answer.matchedSku === answer.expectedSku).length, withItem.length),
    linesWithItem: withItem.length,
    linesWithoutItem: withoutItem.length,
    matchedCount: matched.length,
  };
}

function share(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}
