// The API client the screens share, speaking the current UI language.

import i18next, { currentLanguage } from '../i18n';
import { createApiClient } from './client';

export const api = createApiClient({
  language: currentLanguage,
  fallbackMessage: (kind, status) => (kind === 'network' ? i18next.t('errors.network') : i18next.t('errors.http', { status })),
});
