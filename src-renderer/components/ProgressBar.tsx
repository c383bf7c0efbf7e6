import { useTranslation } from 'react-i18next';

import { MATCH_STATUSES, type StatusCounts } from '../api/types';

interface Props {
  counts: StatusCounts;
  percentage: number;
  label: string;
}

/** A bar whose filled part is split by line status, in the status colors used everywhere. */
export function ProgressBar({ counts, percentage, label }: Props) {
  const { t } = useTranslation();
  const total = Math.max(counts.total, 1);

  return (
    <div
      className="progress"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(percentage)}
      data-testid="job-progress"
    >
      {MATCH_STATUSES.map((status) =>
        counts[status] > 0 ? (
          <span
            key={status}
            className={`progress-part fill-${status}`}
            style={{ width: `${(counts[status] / total) * 100}%` }}
            title={`${t(`status.${status}`)}: ${counts[status]}`}
          />
        ) : null,
      )}
    </div>
  );
}
