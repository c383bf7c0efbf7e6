import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { api } from '../api/instance';
import type { ExportFormat, JobStatus } from '../api/types';
import { ErrorBanner } from '../components/ErrorBanner';
import { JobSelect } from '../components/JobSelect';
import { EmptyState, Loading } from '../components/States';
import { useLoad } from '../hooks/useLoad';
import type { Navigate } from '../route';
import { isActive } from './JobsScreen';

const FORMATS: ExportFormat[] = ['xlsx', 'csv'];

export function ExportScreen({ requestId, navigate }: { requestId: string | null; navigate: Navigate }) {
  const { t } = useTranslation();
  const jobs = useLoad(() => api.jobs.list(200), []);
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const list = jobs.data ?? [];
  const newestFinished = list.find((item) => !isActive(item)) ?? list[0];
  const job: JobStatus | undefined = requestId === null ? newestFinished : list.find((item) => item.request_id === requestId);

  const download = async (format: ExportFormat) => {
    if (!job) return;
    setBusy(format);
    setError(null);
    setSaved(null);
    try {
      const file = await api.results.download(job.request_id, format);
      saveBlob(file.blob, file.fileName);
      setSaved(file.fileName);
    } catch (caught) {
      setError(caught as Error);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="screen" aria-labelledby="export-title">
      <header className="screen-header">
        <h1 id="export-title">{t('export.title')}</h1>
        <p className="screen-lead">{t('export.lead')}</p>
      </header>

      <ErrorBanner error={jobs.error} />
      {jobs.loading && !jobs.data && <Loading />}
      {jobs.data && list.length === 0 && <EmptyState title={t('jobs.emptyTitle')}>{t('jobs.emptyBody')}</EmptyState>}
      {requestId !== null && jobs.data && !job && <ErrorBanner error={t('common.jobNotFound', { id: requestId })} />}

      {list.length > 0 && (
        <div className="panel">
          <JobSelect jobs={list} value={job?.request_id ?? null} onChange={(id) => navigate('export', id)} testId="export-job-select" />

          {job && isActive(job) && <p className="warning">{t('export.notFinished')}</p>}
          {job && job.counts_by_status.needs_review > 0 && !isActive(job) && (
            <p className="hint">
              {t('export.unreviewed', { count: job.counts_by_status.needs_review })}{' '}
              <button type="button" className="button-link" onClick={() => navigate('review', job.request_id)}>
                {t('export.openReview')}
              </button>
            </p>
          )}

          <div className="actions">
            {FORMATS.map((format) => (
              <button
                key={format}
                type="button"
                className={`button${format === 'xlsx' ? ' button-primary' : ''}`}
                disabled={!job || isActive(job) || busy !== null}
                onClick={() => void download(format)}
                data-testid={`export-${format}`}
              >
                {busy === format ? t('export.preparing') : t(`export.${format}`)}
              </button>
            ))}
          </div>
          <p className="hint">{t('export.columns')}</p>
          {saved && (
            <div className="banner banner-success" role="status" data-testid="export-saved">
              {t('export.saved', { file: saved })}
            </div>
          )}
          <ErrorBanner error={error} onDismiss={() => setError(null)} />
        </div>
      )}
    </section>
  );
}

/** Hand the file to the browser's download; Electron shows its save dialog for it. */
function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
