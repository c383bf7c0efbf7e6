import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';

import type { Candidate, ResultRow, ReviewRequest } from '../api/types';
import { StatusBadge } from '../components/StatusBadge';
import { formatDateTime, formatNumber, formatPrice, formatScore } from '../format';
import { CatalogPicker } from './CatalogPicker';
import { ReasonList } from './ReasonList';
import { CANDIDATE_KEYS } from './shortcuts';

interface Props {
  row: ResultRow;
  supplier: string | null;
  busy: boolean;
  applyToIdentical: boolean;
  onApplyToIdenticalChange: (value: boolean) => void;
  onDecide: (request: ReviewRequest) => void;
  searchInput: RefObject<HTMLInputElement | null>;
  onSearchDone: () => void;
}

/** What the reviewer decides on: the line, its match, the top candidates and the actions. */
export function LineDetail({ row, supplier, busy, applyToIdentical, onApplyToIdenticalChange, onDecide, searchInput, onSearchDone }: Props) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const candidates = row.candidates.slice(0, CANDIDATE_KEYS);
  const acceptRequest = acceptRequestFor(row);

  return (
    <div className="detail" data-testid="review-detail" data-material-id={row.material_id}>
      <div className="detail-body">
        <div className="detail-head">
          <span className="muted">{row.row_number === null ? t('review.line') : t('review.lineNumber', { row: row.row_number })}</span>
          <StatusBadge status={row.processing_status} />
          <span className="muted">
            {t('fields.score')}: <strong>{formatScore(row.similarity_score, language)}</strong>
          </span>
        </div>
        <h2 className="detail-name">{row.original_name}</h2>
        <dl className="pairs">
          <dt>{t('fields.unit')}</dt>
          <dd>
            {row.original_unit || '—'}
            {row.normalized_unit && row.normalized_unit !== row.original_unit && <span className="muted"> → {row.normalized_unit}</span>}
          </dd>
          <dt>{t('fields.price')}</dt>
          <dd>{formatPrice(row.price, language)}</dd>
          {row.normalized_color && (
            <>
              <dt>{t('fields.color')}</dt>
              <dd>{row.normalized_color}</dd>
            </>
          )}
        </dl>
        {row.review && (
          <p className="decision" data-testid="review-decision">
            {t('review.decidedAt', { decision: t(`review.decision.${row.review.action}`), time: formatDateTime(row.review.reviewed_at, language) })}
          </p>
        )}
        {row.error_message && <p className="banner banner-error">{row.error_message}</p>}

        {row.sku && <MatchedItem row={row} />}
        <ReasonList reasons={lineOnlyReasons(row)} />

        <h3 className="detail-section">{t('review.candidates')}</h3>
        {candidates.length === 0 ? (
          <p className="hint">{t('review.noCandidates')}</p>
        ) : (
          <ol className="candidates" data-testid="review-candidates">
            {candidates.map((candidate, index) => (
              <CandidateItem
                key={candidate.sku}
                candidate={candidate}
                number={index + 1}
                lineUnit={row.original_unit || row.normalized_unit || ''}
                current={candidate.sku === row.sku}
                disabled={busy}
                onChoose={() => onDecide({ action: 'choose', sku: candidate.sku })}
              />
            ))}
          </ol>
        )}

        <CatalogPicker input={searchInput} disabled={busy} onPick={(sku) => onDecide({ action: 'choose', sku })} onDone={onSearchDone} />
      </div>

      <div className="detail-footer">
        <div className="detail-actions">
          <button type="button" className="button button-accept" disabled={busy || !acceptRequest} onClick={() => acceptRequest && onDecide(acceptRequest)} data-testid="review-accept">
            {t('review.accept')} <kbd>Enter</kbd>
          </button>
          <button type="button" className="button button-reject" disabled={busy} onClick={() => onDecide({ action: 'reject' })} data-testid="review-reject">
            {t('review.reject')} <kbd>R</kbd>
          </button>
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={applyToIdentical} onChange={(event) => onApplyToIdenticalChange(event.target.checked)} data-testid="review-apply-identical" />
          {t('review.applyToIdentical')}
        </label>
        <p className="hint" data-testid="review-memory-note">
          {supplier ? t('review.memoryNote', { supplier }) : t('review.memoryNoteNoSupplier')}
        </p>
      </div>
    </div>
  );
}

/** Return the line's reasons minus those that its current candidate already lists. */
function lineOnlyReasons(row: ResultRow) {
  const current = row.candidates.find((candidate) => candidate.sku === row.sku);
  if (!current) return row.reasons;
  const onCandidate = new Set(current.reasons.map((reason) => `${reason.code}\n${reason.detail ?? ''}`));
  return row.reasons.filter((reason) => !onCandidate.has(`${reason.code}\n${reason.detail ?? ''}`));
}

/** Accept the proposed SKU, or the best candidate when the line has none; null when there is nothing to accept. */
export function acceptRequestFor(row: ResultRow): ReviewRequest | null {
  if (row.sku) return { action: 'accept' };
  const best = row.candidates[0];
  return best ? { action: 'choose', sku: best.sku } : null;
}

function MatchedItem({ row }: { row: ResultRow }) {
  const { t, i18n } = useTranslation();
  const coefficient = row.unit_coefficient;
  const unitPrice = row.price !== null && coefficient ? row.price / coefficient : null;

  return (
    <div className="matched" data-testid="review-matched-item">
      <h3 className="detail-section">{t('review.matchedItem')}</h3>
      <dl className="pairs">
        <dt>{t('fields.sku')}</dt>
        <dd className="mono">{row.sku}</dd>
        <dt>{t('fields.catalogName')}</dt>
        <dd>{row.catalog_name ?? '—'}</dd>
        <dt>{t('fields.catalogUnit')}</dt>
        <dd>{row.catalog_unit ?? '—'}</dd>
        {coefficient !== null && (
          <>
            <dt>{t('fields.coefficient')}</dt>
            <dd>{coefficientText(row.original_unit || row.normalized_unit || '', coefficient, row.catalog_unit ?? '', i18n.language)}</dd>
          </>
        )}
        {unitPrice !== null && row.catalog_unit && (
          <>
            <dt>{t('review.pricePerCatalogUnit', { unit: row.catalog_unit })}</dt>
            <dd>{formatPrice(unitPrice, i18n.language)}</dd>
          </>
        )}
      </dl>
    </div>
  );
}

function coefficientText(fromUnit: string, coefficient: number, toUnit: string, language: string): string {
  return `1 ${fromUnit} = ${formatNumber(coefficient, language, 4)} ${toUnit}`.replace(/\s+/g, ' ').trim();
}

interface CandidateProps {
  candidate: Candidate;
  number: number;
  lineUnit: string;
  current: boolean;
  disabled: boolean;
  onChoose: () => void;
}

function CandidateItem({ candidate, number, lineUnit, current, disabled, onChoose }: CandidateProps) {
  const { t, i18n } = useTranslation();
  return (
    <li className={`candidate${current ? ' candidate-current' : ''}`} data-testid={`review-candidate-${number}`} data-sku={candidate.sku}>
      <div className="candidate-head">
        <kbd className="candidate-key">{number}</kbd>
        <span className="candidate-name">{candidate.name}</span>
        <span className="score-pill" title={t('fields.score')}>
          <span className="score-bar" style={{ width: `${Math.round(Math.max(0, Math.min(1, candidate.score)) * 100)}%` }} aria-hidden="true" />
          <span className="score-value">{formatScore(candidate.score, i18n.language)}</span>
        </span>
      </div>
      <div className="candidate-meta">
        <span className="mono">{candidate.sku}</span>
        <span>
          {t('fields.unit')}: {candidate.unit || '—'}
        </span>
        {candidate.unit_coefficient !== null && <span>{coefficientText(lineUnit, candidate.unit_coefficient, candidate.unit, i18n.language)}</span>}
        {current && <span className="badge badge-current">{t('review.current')}</span>}
      </div>
      <ReasonList reasons={candidate.reasons} />
      <button type="button" className="button button-small" disabled={disabled} onClick={onChoose} data-testid={`review-choose-${number}`}>
        {t('review.choose')} <kbd>{number}</kbd>
      </button>
    </li>
  );
}
