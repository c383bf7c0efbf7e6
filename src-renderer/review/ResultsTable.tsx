import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';

import type { LineStatus, ResultRow, ReviewAction } from '../api/types';
import { formatPrice, formatScore } from '../format';

const ROW_HEIGHT = 32;

interface Props {
  rows: readonly ResultRow[];
  /** Indexes into `rows` of the lines shown, in order. */
  visible: readonly number[];
  selected: number;
  onSelect: (position: number) => void;
}

/** Texts every row needs, translated once per render of the table instead of once per row. */
interface RowLabels {
  language: string;
  status: Record<LineStatus, string>;
  decision: Record<ReviewAction, string>;
}

/** The result lines as a virtualized grid: only the rows in view (plus a margin) are in the DOM. */
export function ResultsTable({ rows, visible, selected, onSelect }: Props) {
  const { t, i18n } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });

  const labels = useMemo<RowLabels>(
    () => ({
      language: i18n.language,
      status: {
        matched: t('status.matched'),
        needs_review: t('status.needs_review'),
        no_match: t('status.no_match'),
        failed: t('status.failed'),
        pending: t('status.pending'),
        processing: t('status.processing'),
      },
      decision: { accept: t('review.decision.accept'), choose: t('review.decision.choose'), reject: t('review.decision.reject') },
    }),
    [t, i18n.language],
  );

  useEffect(() => {
    if (selected < 0 || selected >= visible.length) return;
    // scrollToIndex measures the scroll element, which forces a layout: skip it while the row is in view.
    const range = virtualizer.range;
    if (range && selected > range.startIndex && selected < range.endIndex) return;
    virtualizer.scrollToIndex(selected, { align: 'auto' });
  }, [selected, visible.length, virtualizer]);

  return (
    <div className="results" role="grid" aria-label={t('review.tableLabel')} aria-rowcount={visible.length + 1} data-testid="review-table">
      <div className="results-row results-head" role="row" aria-rowindex={1}>
        <span role="columnheader" className="numeric">{t('fields.rowNumber')}</span>
        <span role="columnheader">{t('fields.name')}</span>
        <span role="columnheader">{t('fields.unitShort')}</span>
        <span role="columnheader" className="numeric">{t('fields.price')}</span>
        <span role="columnheader">{t('fields.status')}</span>
        <span role="columnheader" className="numeric">{t('fields.score')}</span>
        <span role="columnheader">{t('review.catalogItemColumn')}</span>
      </div>
      <div ref={scroller} className="results-scroll" data-testid="review-scroll">
        <div className="results-canvas" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[visible[item.index] ?? -1];
            if (!row) return null;
            return (
              <ResultLine
                key={row.material_id}
                row={row}
                position={item.index}
                top={item.start}
                selected={item.index === selected}
                labels={labels}
                onSelect={onSelect}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}

interface LineProps {
  row: ResultRow;
  position: number;
  top: number;
  selected: boolean;
  labels: RowLabels;
  onSelect: (position: number) => void;
}

const ResultLine = memo(function ResultLine({ row, position, top, selected, labels, onSelect }: LineProps) {
  const decision = row.review ? labels.decision[row.review.action] : null;
  return (
    <div
      role="row"
      aria-rowindex={position + 2}
      aria-selected={selected}
      className={`results-row${selected ? ' results-row-selected' : ''}${row.review ? ' results-row-reviewed' : ''}`}
      style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT }}
      onClick={() => onSelect(position)}
      data-testid="review-row"
      data-material-id={row.material_id}
      data-status={row.processing_status}
    >
      <span role="gridcell" className="numeric muted">
        {row.row_number ?? '—'}
      </span>
      <span role="gridcell" title={row.original_name}>
        {decision && (
          <span className="reviewed-mark" title={decision} aria-label={decision} data-testid="review-row-decision">
            ✓{' '}
          </span>
        )}
        {row.original_name}
      </span>
      <span role="gridcell">{row.original_unit}</span>
      <span role="gridcell" className="numeric">
        {formatPrice(row.price, labels.language)}
      </span>
      <span role="gridcell">
        <span className={`badge status-${row.processing_status}`} data-testid="review-row-status">
          {labels.status[row.processing_status]}
        </span>
      </span>
      <span role="gridcell" className="numeric">
        {formatScore(row.similarity_score, labels.language)}
      </span>
      <span role="gridcell" title={row.catalog_name ?? undefined}>
        {row.sku ? (
          <>
            <span className="mono muted" data-testid="review-row-sku">
              {row.sku}
            </span>{' '}
            {row.catalog_name}
          </>
        ) : (
          '—'
        )}
      </span>
    </div>
  );
});
