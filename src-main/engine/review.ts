// A reviewer's decision on a result line: accept the proposed SKU, choose another one, or reject.
// The decision is stored for the supplier's line so the next price list from the same supplier
// gets it, and it can be applied to identical lines of the same request.

import { UserError } from '../errors.js';
import { supplierLineKey } from '../store/line-key.js';
import { applyReviewOutcome, resultsByKey } from '../store/result-queries.js';
import type { ResultsStore } from '../store/results-store.js';
import type { StoredResult } from '../store/types.js';
import type { CatalogCache } from './catalog-cache.js';
import type { ReviewInput } from './engine-types.js';

/** Apply the decision; returns the changed lines, or null when the request or line does not exist. */
export function applyReview(
  store: ResultsStore,
  catalog: CatalogCache,
  requestId: string,
  materialId: string,
  input: ReviewInput,
): StoredResult[] | null {
  const request = store.getRequest(requestId);
  const [line] = request ? resultsByKey(store.database, requestId, [materialId]) : [];
  if (!request || !line) return null;

  const sku = input.action === 'reject' ? null : (input.sku ?? line.sku);
  if (input.action !== 'reject') {
    if (!sku) {
      throw new UserError('invalid_argument', {
        ru: 'Укажите артикул (sku): у строки нет предложенной позиции каталога.',
        en: 'Give an sku: the line has no proposed catalog item.',
      });
    }
    if (!catalog.get(sku)) {
      throw new UserError('invalid_argument', {
        ru: `Артикул «${sku}» не найден в текущем каталоге.`,
        en: `SKU "${sku}" is not in the current catalog.`,
      });
    }
  }

  const targets = input.applyToIdentical ? identicalLines(store, requestId, line) : [line];
  const item = sku ? catalog.get(sku) : undefined;
  const lineKey = supplierLineKey(line.originalName, line.originalUnit);

  store.database.transaction(() => {
    for (const target of targets) {
      const candidate = target.candidates.find((entry) => entry.sku === sku);
      applyReviewOutcome(store.database, requestId, target.materialId, {
        sku,
        catalogName: item?.name ?? null,
        catalogUnit: item?.unit ?? null,
        unitCoefficient: candidate?.unitCoefficient ?? null,
      });
      // A rejection records the SKU it rejected, so that item is not proposed for this line again.
      const decidedSku = input.action === 'reject' ? target.sku : sku;
      store.recordDecision({ supplier: request.supplier, lineKey, action: input.action, sku: decidedSku, requestId, materialId: target.materialId });
    }
  })();

  return resultsByKey(store.database, requestId, targets.map((target) => target.materialId));
}

function identicalLines(store: ResultsStore, requestId: string, line: StoredResult): StoredResult[] {
  const key = supplierLineKey(line.originalName, line.originalUnit);
  const rows = store.database
    .prepare(`SELECT material_id FROM processing_results WHERE request_id = ?`)
    .all(requestId) as { material_id: string }[];
  const all = resultsByKey(store.database, requestId, rows.map((row) => row.material_id));
  return all.filter((other) => supplierLineKey(other.originalName, other.originalUnit) === key);
}
