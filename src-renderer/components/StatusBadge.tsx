import { useTranslation } from 'react-i18next';

import type { JobState, LineStatus } from '../api/types';

export function StatusBadge({ status }: { status: LineStatus }) {
  const { t } = useTranslation();
  return <span className={`badge status-${status}`}>{t(`status.${status}`)}</span>;
}

export function JobStateBadge({ state }: { state: JobState }) {
  const { t } = useTranslation();
  return (
    <span className={`badge job-${state}`} data-testid="job-state">
      {t(`jobState.${state}`)}
    </span>
  );
}
