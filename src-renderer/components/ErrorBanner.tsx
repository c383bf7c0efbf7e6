import { useTranslation } from 'react-i18next';

import { ApiError } from '../api/client';

const LISTED_DETAILS = 10;

interface Props {
  error: Error | string | null;
  onDismiss?: () => void;
}

/** A failure in the user's language: the API's own message, which names the file, row or field. */
export function ErrorBanner({ error, onDismiss }: Props) {
  const { t } = useTranslation();
  if (!error) return null;
  const message = typeof error === 'string' ? error : error.message;
  const details = error instanceof ApiError && error.details && error.details.length > 1 ? error.details.slice(0, LISTED_DETAILS) : [];

  return (
    <div className="banner banner-error" role="alert" data-testid="error-banner">
      <div className="banner-text">
        {message}
        {details.length > 0 && (
          <ul className="banner-details">
            {details.map((detail, index) => (
              <li key={index}>
                <span className="mono">{detail.path}</span>: {detail.message}
              </li>
            ))}
          </ul>
        )}
      </div>
      {onDismiss && (
        <button type="button" className="button-link" onClick={onDismiss}>
          {t('common.dismiss')}
        </button>
      )}
    </div>
  );
}
