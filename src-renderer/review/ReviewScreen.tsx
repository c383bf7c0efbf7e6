import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { api } from '../api/instance';
import { MATCH_STATUSES, type MatchStatus, type ResultRow, type ReviewRequest } from '../api/types';
import { ErrorBanner } from '../components/ErrorBanner';
import { JobSelect } from '../components/JobSelect';
import { EmptyState, Loading } from '../components/States';
import { formatNumber } from '../format';
import { useDebounced } from '../hooks/useDebounced';
import { useLoad } from '../hooks/useLoad';
import type { Navigate } from '../route';
import { isActive } from '../screens/JobsScreen';
import { DEFAULT_FILTERS, SCORE_BANDS, visibleIndexes, type ReviewFilters, type ScoreBand } from './filters';
import { acceptRequestFor, LineDetail } from './LineDetail';
import { ResultsTable } from './ResultsTable';
import { isKeyForTarget, shortcutFor, type Shortcut } from './shortcuts';
import { useRequestRows } from './useRequestRows';

export function ReviewScreen({ requestId, navigate }: { requestId: string | null; navigate: Navigate }) {
  const { t } = useTranslation();
  const jobs = useLoad(() => api.jobs.list(200), []);
  const list = jobs.data ?? [];
  const job = list.find((item) => item.request_id === requestId) ?? (requestId === null ? list[0] : undefined);

  return (
    <section className="screen screen-review" aria-labelledby="review-title">
      <header className="screen-header screen-header-row">
        <div>
          <h1 id="review-title">{t('review.title')}</h1>
          <p className="screen-lead">{t('review.lead')}</p>
        </div>
        {list.length > 0 && <JobSelect jobs={list} value={job?.request_id ?? null} onChange={(id) => navigate('review', id)} testId="review-job-select" />}
      </header>

      <ErrorBanner error={jobs.error} />
      {jobs.loading && !jobs.data && <Loading />}
      {jobs.data && list.length === 0 && (
        <EmptyState title={t('jobs.emptyTitle')}>
          {t('jobs.emptyBody')}{' '}
          <button type="button" className="button-link" onClick={() => navigate('import')}>
            {t('jobs.goImport')}
          </button>
        </EmptyState>
      )}
      {requestId !== null && jobs.data && !job && <ErrorBanner error={t('common.jobNotFound', { id: requestId })} />}
      {job && (
        <ReviewWorkspace
          key={job.request_id}
          requestId={job.request_id}
          supplier={job.supplier}
          running={isActive(job)}
          onRefreshJob={() => void jobs.reload()}
        />
      )}
    </section>
  );
}

interface WorkspaceProps {
  requestId: string;
  supplier: string | null;
  running: boolean;
  onRefreshJob: () => void;
}

function ReviewWorkspace({ requestId, supplier, running, onRefreshJob }: WorkspaceProps) {
  const { t, i18n } = useTranslation();
  const data = useRequestRows(requestId);
  const [status, setStatus] = useState<MatchStatus | 'all'>(DEFAULT_FILTERS.status);
  const [band, setBand] = useState<ScoreBand>(DEFAULT_FILTERS.band);
  const [searchText, setSearchText] = useState('');
  const search = useDebounced(searchText, 200);
  const filters: ReviewFilters = useMemo(() => ({ status, band, search }), [status, band, search]);

  const [pinned, setPinned] = useState<ReadonlySet<string>>(new Set());
  const [selected, setSelected] = useState(0);
  const [applyToIdentical, setApplyToIdentical] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [notice, setNotice] = useState('');
  const searchInput = useRef<HTMLInputElement>(null);
  const tableFocus = useRef<HTMLDivElement>(null);

  useEffect(() => {
    setPinned(new Set());
    setSelected(0);
  }, [filters]);

  const visible = useMemo(() => visibleIndexes(data.rows, filters, pinned), [data.rows, filters, pinned]);
  const position = Math.min(selected, Math.max(visible.length - 1, 0));
  const row: ResultRow | undefined = data.rows[visible[position] ?? -1];
  const ownCounts = useMemo(() => countStatuses(data.rows), [data.rows]);
  const counts = data.loadedAll || !data.summary ? ownCounts : data.summary;

  const decide = useCallback(
    async (request: ReviewRequest) => {
      if (!row || busy) return;
      setBusy(true);
      setError(null);
      try {
        const updated = await api.results.review(requestId, row.material_id, { ...request, apply_to_identical: applyToIdentical });
        data.replaceRows(updated);
        setPinned((previous) => new Set([...previous, ...updated.map((line) => line.material_id)]));
        setNotice(noticeFor(t, row, request, updated.length));
        setSelected(Math.min(position + 1, visible.length - 1));
      } catch (caught) {
        setError(caught as Error);
      } finally {
        setBusy(false);
      }
    },
    [row, busy, requestId, applyToIdentical, data, t, position, visible.length],
  );

  const returnToList = useCallback(() => {
    searchInput.current?.blur();
    tableFocus.current?.focus();
  }, []);

  const onShortcut = useCallback(
    (shortcut: Shortcut) => {
      switch (shortcut.kind) {
        case 'next':
          setSelected(Math.min(position + 1, visible.length - 1));
          return;
        case 'previous':
          setSelected(Math.max(position - 1, 0));
          return;
        case 'search':
          searchInput.current?.focus();
          return;
        case 'accept': {
          const request = row ? acceptRequestFor(row) : null;
          if (request) void decide(request);
          return;
        }
        case 'reject':
          void decide({ action: 'reject' });
          return;
        case 'choose': {
          const candidate = row?.candidates[shortcut.index];
          if (candidate) void decide({ action: 'choose', sku: candidate.sku });
          return;
        }
      }
    },
    [position, visible.length, row, decide],
  );

  useReviewKeys(onShortcut);

  const loadedAll = data.loadedAll;
  const total = data.total;

  return (
    <div className="workspace">
      <div className="toolbar" data-testid="review-summary">
        {MATCH_STATUSES.map((name) => (
          <button
            key={name}
            type="button"
            className={`chip chip-${name}${status === name ? ' chip-active' : ''}`}
            aria-pressed={status === name}
            onClick={() => setStatus(status === name ? 'all' : name)}
            data-testid={`review-summary-${name}`}
          >
            <span className={`dot fill-${name}`} aria-hidden="true" />
            {t(`status.${name}`)} <strong>{formatNumber(counts[name], i18n.language)}</strong>
          </button>
        ))}
        <span className="toolbar-spacer" />
        <button
          type="button"
          className="button"
          onClick={() => {
            data.reload();
            onRefreshJob();
          }}
          data-testid="review-reload"
        >
          {t('common.refresh')}
        </button>
      </div>

      <div className="filters">
        <label className="field field-inline">
          <span className="field-label">{t('review.filterStatus')}</span>
          <select value={status} onChange={(event) => setStatus(event.target.value as MatchStatus | 'all')} data-testid="review-filter-status">
            <option value="all">{t('review.allStatuses')}</option>
            {MATCH_STATUSES.map((name) => (
              <option key={name} value={name}>
                {t(`status.${name}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field field-inline">
          <span className="field-label">{t('review.filterScore')}</span>
          <select value={band} onChange={(event) => setBand(event.target.value as ScoreBand)} data-testid="review-filter-score">
            {(Object.keys(SCORE_BANDS) as ScoreBand[]).map((name) => (
              <option key={name} value={name}>
                {bandLabel(t, name, i18n.language)}
              </option>
            ))}
          </select>
        </label>
        <label className="field field-inline field-grow">
          <span className="field-label">{t('review.searchLines')}</span>
          <input type="search" value={searchText} placeholder={t('review.searchLinesPlaceholder')} onChange={(event) => setSearchText(event.target.value)} data-testid="review-search" />
        </label>
        <span className="muted small" data-testid="review-count">
          {t('review.shown', { shown: formatNumber(visible.length, i18n.language), lines: t('units.lines', { count: total ?? data.rows.length }) })}
          {!loadedAll && total !== null && ` · ${t('review.loading', { loaded: formatNumber(data.rows.length, i18n.language) })}`}
        </span>
      </div>

      {running && <p className="warning">{t('review.stillRunning')}</p>}
      <ErrorBanner error={data.error} />
      <ErrorBanner error={error} onDismiss={() => setError(null)} />

      {total === null && !data.error && <Loading />}
      {total === 0 && <EmptyState title={t('review.noLines')} />}
      {total !== null && total > 0 && (
        <div className="split">
          <div className="split-main" ref={tableFocus} tabIndex={-1}>
            {visible.length === 0 ? (
              <EmptyState title={loadedAll ? t('review.nothingMatches') : t('common.loading')} />
            ) : (
              <ResultsTable rows={data.rows} visible={visible} selected={position} onSelect={setSelected} />
            )}
            <div className="notice small" role="status" aria-live="polite" data-testid="review-notice">
              {notice}
            </div>
          </div>
          <aside className="split-side" aria-label={t('review.detailLabel')}>
            {row ? (
              <LineDetail
                row={row}
                supplier={supplier}
                busy={busy}
                applyToIdentical={applyToIdentical}
                onApplyToIdenticalChange={setApplyToIdentical}
                onDecide={(request) => void decide(request)}
                searchInput={searchInput}
                onSearchDone={returnToList}
              />
            ) : (
              <p className="hint">{t('review.selectLine')}</p>
            )}
          </aside>
        </div>
      )}
      <ShortcutLegend />
    </div>
  );
}

function useReviewKeys(onShortcut: (shortcut: Shortcut) => void): void {
  const latest = useRef(onShortcut);
  latest.current = onShortcut;

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isKeyForTarget(event.target, event.key)) return;
      const shortcut = shortcutFor(event);
      if (!shortcut) return;
      event.preventDefault();
      latest.current(shortcut);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}

function ShortcutLegend() {
  const { t } = useTranslation();
  const items: [string[], string][] = [
    [['Enter', 'A'], t('review.keys.accept')],
    [['1', '…', '5'], t('review.keys.choose')],
    [['/', 'F'], t('review.keys.search')],
    [['R', 'Delete'], t('review.keys.reject')],
    [['J', '↓'], t('review.keys.next')],
    [['K', '↑'], t('review.keys.previous')],
  ];
  return (
    <ul className="shortcuts" aria-label={t('review.keys.label')} data-testid="review-shortcuts">
      {items.map(([keys, label]) => (
        <li key={label}>
          {keys.map((key) => (key === '…' ? <span key={key}>–</span> : <kbd key={key}>{key}</kbd>))} {label}
        </li>
      ))}
    </ul>
  );
}

type Translate = ReturnType<typeof useTranslation>['t'];

function bandLabel(t: Translate, band: ScoreBand, language: string): string {
  const range = SCORE_BANDS[band];
  if (!range) return t('review.allScores');
  const format = (value: number) => formatNumber(value, language, 2);
  if (range.min === 0) return t('review.scoreBelow', { max: format(range.max) });
  return t('review.scoreRange', { min: format(range.min), max: format(range.max) });
}

function countStatuses(rows: readonly ResultRow[]): Record<MatchStatus, number> {
  const counts: Record<MatchStatus, number> = { matched: 0, needs_review: 0, no_match: 0, failed: 0 };
  for (const row of rows) {
    if (row.processing_status in counts) counts[row.processing_status as MatchStatus] += 1;
  }
  return counts;
}

function noticeFor(t: Translate, row: ResultRow, request: ReviewRequest, updated: number): string {
  const line = row.row_number === null ? row.original_name : t('review.lineNumber', { row: row.row_number });
  const decision = request.action === 'reject' ? t('review.decision.reject') : t('review.decision.chosen', { sku: request.sku ?? row.sku ?? '' });
  const others = updated > 1 ? ` ${t('review.alsoApplied', { count: updated - 1 })}` : '';
  return `${line}: ${decision}.${others}`;
}
