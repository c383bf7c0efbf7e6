import { useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';

import { api } from '../api/instance';
import type { CatalogHit } from '../api/types';
import { ErrorBanner } from '../components/ErrorBanner';
import { formatScore } from '../format';
import { useDebounced } from '../hooks/useDebounced';
import { useLoad } from '../hooks/useLoad';

const HITS = 8;

interface Props {
  input: RefObject<HTMLInputElement | null>;
  disabled: boolean;
  onPick: (sku: string) => void;
  /** Called on Escape, to give the keys back to the review list. */
  onDone: () => void;
}

/** A search of the whole catalog, for a line whose right item is not among the candidates. */
export function CatalogPicker({ input, disabled, onPick, onDone }: Props) {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState('');
  const debounced = useDebounced(query.trim(), 250);
  const hits = useLoad<CatalogHit[] | null>(() => (debounced ? api.catalog.search(debounced, HITS) : Promise.resolve(null)), [debounced]);

  const pick = (sku: string) => {
    onPick(sku);
    setQuery('');
    onDone();
  };

  return (
    <div className="picker">
      <label className="field">
        <span className="field-label">
          {t('review.searchCatalog')} <kbd>/</kbd> <kbd>F</kbd>
        </span>
        <input
          ref={input}
          type="search"
          value={query}
          placeholder={t('review.searchCatalogPlaceholder')}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              onDone();
            }
            const first = hits.data?.[0];
            if (event.key === 'Enter' && first && !disabled) {
              event.preventDefault();
              pick(first.sku);
            }
          }}
          data-testid="review-catalog-search"
        />
      </label>
      <ErrorBanner error={hits.error} />
      {hits.data && hits.data.length === 0 && <p className="hint">{t('catalog.nothingFound', { query: debounced })}</p>}
      {hits.data && hits.data.length > 0 && (
        <ul className="picker-hits" data-testid="review-catalog-hits">
          {hits.data.map((hit) => (
            <li key={hit.sku}>
              <button type="button" className="picker-hit" disabled={disabled} onClick={() => pick(hit.sku)} data-testid="review-catalog-pick" data-sku={hit.sku}>
                <span className="picker-name">{hit.name}</span>
                <span className="muted small">
                  <span className="mono">{hit.sku}</span> · {hit.unit || '—'} · {formatScore(hit.score, i18n.language)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {hits.data && hits.data.length > 0 && <p className="hint">{t('review.searchEnterHint')}</p>}
    </div>
  );
}
