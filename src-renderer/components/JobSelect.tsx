import { useTranslation } from 'react-i18next';

import type { JobStatus } from '../api/types';
import { formatDateTime } from '../format';

interface Props {
  jobs: JobStatus[];
  value: string | null;
  onChange: (requestId: string) => void;
  testId: string;
}

export function jobTitle(job: JobStatus, language: string): string {
  const supplier = job.supplier ? `${job.supplier} · ` : '';
  return `${supplier}${formatDateTime(job.created_at, language)} · ${job.request_id.slice(0, 8)}`;
}

export function JobSelect({ jobs, value, onChange, testId }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <label className="field field-inline">
      <span className="field-label">{t('common.job')}</span>
      <select value={value ?? ''} onChange={(event) => onChange(event.target.value)} data-testid={testId}>
        {value === null && <option value="">{t('common.chooseJob')}</option>}
        {jobs.map((job) => (
          <option key={job.request_id} value={job.request_id}>
            {jobTitle(job, i18n.language)} · {t('units.lines', { count: job.progress.total })}
          </option>
        ))}
      </select>
    </label>
  );
}
