import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { api } from '../api/instance';
import { MATCH_STATUSES, type JobStatus } from '../api/types';
import { ErrorBanner } from '../components/ErrorBanner';
import { ProgressBar } from '../components/ProgressBar';
import { JobStateBadge } from '../components/StatusBadge';
import { EmptyState, Loading } from '../components/States';
import { formatDateTime, formatDuration, formatNumber } from '../format';
import { useInterval } from '../hooks/useInterval';
import { useLoad } from '../hooks/useLoad';
import type { Navigate } from '../route';

const POLL_MS = 1000;
const LISTED_JOBS = 50;

export function isActive(job: JobStatus): boolean {
  return job.status === 'pending' || job.status === 'running';
}

/** `requestId` is the job to highlight, such as the one just started from the import screen. */
export function JobsScreen({ requestId, navigate }: { requestId: string | null; navigate: Navigate }) {
  const { t } = useTranslation();
  const jobs = useLoad(() => api.jobs.list(LISTED_JOBS), []);
  const [actionError, setActionError] = useState<Error | null>(null);
  const anyActive = (jobs.data ?? []).some(isActive);

  useInterval(jobs.reload, POLL_MS, anyActive);

  const act = async (action: () => Promise<unknown>) => {
    setActionError(null);
    try {
      await action();
      await jobs.reload();
    } catch (error) {
      setActionError(error as Error);
    }
  };

  return (
    <section className="screen" aria-labelledby="jobs-title">
      <header className="screen-header screen-header-row">
        <div>
          <h1 id="jobs-title">{t('jobs.title')}</h1>
          <p className="screen-lead">{t('jobs.lead')}</p>
        </div>
        <button type="button" className="button" onClick={() => void jobs.reload()} data-testid="jobs-refresh">
          {t('common.refresh')}
        </button>
      </header>

      <ErrorBanner error={jobs.error} />
      <ErrorBanner error={actionError} onDismiss={() => setActionError(null)} />
      {jobs.loading && !jobs.data && <Loading />}
      {jobs.data && jobs.data.length === 0 && (
        <EmptyState title={t('jobs.emptyTitle')}>
          {t('jobs.emptyBody')}{' '}
          <button type="button" className="button-link" onClick={() => navigate('import')}>
            {t('jobs.goImport')}
          </button>
        </EmptyState>
      )}

      <ul className="job-list">
        {(jobs.data ?? []).map((job) => (
          <li key={job.request_id}>
            <JobCard
              job={job}
              highlighted={job.request_id === requestId}
              onCancel={() => void act(() => api.jobs.cancel(job.request_id))}
              onRetry={() => void act(() => api.jobs.retryFailed(job.request_id))}
              onReview={() => navigate('review', job.request_id)}
              onExport={() => navigate('export', job.request_id)}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}

interface CardProps {
  job: JobStatus;
  highlighted: boolean;
  onCancel: () => void;
  onRetry: () => void;
  onReview: () => void;
  onExport: () => void;
}

function JobCard({ job, highlighted, onCancel, onRetry, onReview, onExport }: CardProps) {
  const { t, i18n } = useTranslation();
  const active = isActive(job);
  const counts = job.counts_by_status;
  const secondsLeft = job.estimated_completion && active ? (Date.parse(job.estimated_completion) - Date.now()) / 1000 : null;

  return (
    <article className={`card job-card${highlighted ? ' job-card-highlight' : ''}`} data-testid="job-card" data-request-id={job.request_id} data-status={job.status}>
      <div className="job-head">
        <div>
          <div className="job-title">{job.supplier ?? t('jobs.noSupplier')}</div>
          <div className="muted small">
            {formatDateTime(job.created_at, i18n.language)} · <span className="mono">{job.request_id}</span>
          </div>
        </div>
        <JobStateBadge state={job.status} />
      </div>

      <ProgressBar counts={counts} percentage={job.progress.percentage} label={t('jobs.progressLabel', { id: job.request_id })} />

      <div className="job-figures">
        <span data-testid="job-done">
          {t('jobs.done', { done: formatNumber(job.progress.completed, i18n.language), lines: t('units.lines', { count: job.progress.total }) })}
          {' '}({formatNumber(job.progress.percentage, i18n.language, 1)}%)
        </span>
        {job.lines_per_second !== null && <span>{t('jobs.speed', { count: Math.round(job.lines_per_second) })}</span>}
        {secondsLeft !== null && secondsLeft > 0 && <span data-testid="job-time-left">{t('jobs.timeLeft', { time: formatDuration(secondsLeft, t) })}</span>}
        {job.completed_at && <span>{t('jobs.finishedAt', { time: formatDateTime(job.completed_at, i18n.language) })}</span>}
      </div>

      <ul className="legend">
        {MATCH_STATUSES.map((status) => (
          <li key={status}>
            <span className={`dot fill-${status}`} aria-hidden="true" />
            {t(`status.${status}`)}: <strong>{formatNumber(counts[status], i18n.language)}</strong>
          </li>
        ))}
        {counts.pending + counts.processing > 0 && (
          <li>
            <span className="dot fill-pending" aria-hidden="true" />
            {t('status.pending')}: <strong>{formatNumber(counts.pending + counts.processing, i18n.language)}</strong>
          </li>
        )}
      </ul>

      <div className="actions">
        {active && (
          <button type="button" className="button" onClick={onCancel} data-testid="job-cancel">
            {t('jobs.cancel')}
          </button>
        )}
        {!active && counts.failed > 0 && (
          <button type="button" className="button" onClick={onRetry} data-testid="job-retry">
            {t('jobs.retryFailed', { count: counts.failed })}
          </button>
        )}
        <button type="button" className="button button-primary" onClick={onReview} data-testid="job-open-review">
          {counts.needs_review > 0 ? t('jobs.review', { count: counts.needs_review }) : t('jobs.openResults')}
        </button>
        <button type="button" className="button" onClick={onExport} data-testid="job-open-export">
          {t('jobs.export')}
        </button>
      </div>
    </article>
  );
}
