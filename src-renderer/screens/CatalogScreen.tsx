import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { api } from '../api/instance';
import type { CatalogHit, CatalogImportAnswer } from '../api/types';
import { ErrorBanner } from '../components/ErrorBanner';
import { FileDrop } from '../components/FileDrop';
import { EmptyState, Loading } from '../components/States';
import { formatDateTime, formatScore } from '../format';
import { useDebounced } from '../hooks/useDebounced';
import { useLoad } from '../hooks/useLoad';

const CATALOG_FILES = '.xlsx,.xls,.csv,.ods,.tsv,.txt';
const LISTED_ISSUES = 50;

export function CatalogScreen() {
  const { t, i18n } = useTranslation();
  const info = useLoad(() => api.catalog.info(), []);
  const [importing, setImporting] = useState(false);
  const [imported, setImported] = useState<CatalogImportAnswer | null>(null);
  const [importError, setImportError] = useState<Error | null>(null);

  const importFile = async (file: File) => {
    setImporting(true);
    setImportError(null);
    setImported(null);
    try {
      setImported(await api.catalog.import(file));
      await info.reload();
    } catch (error) {
      setImportError(error as Error);
    } finally {
      setImporting(false);
    }
  };

  const catalog = info.data;
  const empty = catalog !== null && catalog.item_count === 0;

  return (
    <section className="screen" aria-labelledby="catalog-title">
      <header className="screen-header">
        <h1 id="catalog-title">{t('catalog.title')}</h1>
        <p className="screen-lead">{t('catalog.lead')}</p>
      </header>

      <ErrorBanner error={info.error} />
      {info.loading && !catalog && <Loading />}

      {catalog && (
        <dl className="facts" data-testid="catalog-info">
          <div>
            <dt>{t('catalog.size')}</dt>
            <dd data-testid="catalog-item-count">{t('units.items', { count: catalog.item_count })}</dd>
          </div>
          <div>
            <dt>{t('catalog.version')}</dt>
            <dd data-testid="catalog-version">{catalog.version ?? '—'}</dd>
          </div>
          <div>
            <dt>{t('catalog.loadedAt')}</dt>
            <dd>{formatDateTime(catalog.created_at, i18n.language)}</dd>
          </div>
          <div>
            <dt>{t('catalog.file')}</dt>
            <dd data-testid="catalog-file">{catalog.catalog_file ?? '—'}</dd>
          </div>
        </dl>
      )}

      <FileDrop
        accept={CATALOG_FILES}
        title={empty ? t('catalog.dropFirst') : t('catalog.dropReplace')}
        hint={t('catalog.dropHint')}
        busy={importing}
        onFile={(file) => void importFile(file)}
        testId="catalog"
      />
      <ErrorBanner error={importError} onDismiss={() => setImportError(null)} />
      {imported && <ImportOutcome answer={imported} />}

      {catalog && catalog.item_count > 0 && <CatalogSearch />}
      {empty && !importing && <EmptyState title={t('catalog.emptyTitle')}>{t('catalog.emptyBody')}</EmptyState>}
    </section>
  );
}

function ImportOutcome({ answer }: { answer: CatalogImportAnswer }) {
  const { t } = useTranslation();
  return (
    <div className="banner banner-success" role="status" data-testid="catalog-import-result">
      <div>{t('catalog.imported', { items: t('units.items', { count: answer.item_count }), version: answer.version })}</div>
      {answer.issues_total > 0 && (
        <details className="issues">
          <summary>{t('catalog.skippedRows', { count: answer.issues_total })}</summary>
          <ul>
            {answer.issues.slice(0, LISTED_ISSUES).map((issue, index) => (
              <li key={index}>{issue.message}</li>
            ))}
          </ul>
          {answer.issues_total > LISTED_ISSUES && <p className="hint">{t('common.moreNotShown', { count: answer.issues_total - LISTED_ISSUES })}</p>}
        </details>
      )}
    </div>
  );
}

function CatalogSearch() {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState('');
  const debounced = useDebounced(query.trim(), 250);
  const hits = useLoad<CatalogHit[] | null>(() => (debounced ? api.catalog.search(debounced, 20) : Promise.resolve(null)), [debounced]);

  return (
    <div className="panel">
      <label className="field">
        <span className="field-label">{t('catalog.searchLabel')}</span>
        <input
          type="search"
          value={query}
          placeholder={t('catalog.searchPlaceholder')}
          onChange={(event) => setQuery(event.target.value)}
          data-testid="catalog-search-input"
        />
      </label>
      <ErrorBanner error={hits.error} />
      {hits.data && hits.data.length === 0 && <EmptyState title={t('catalog.nothingFound', { query: debounced })} />}
      {hits.data && hits.data.length > 0 && (
        <table className="table" data-testid="catalog-search-results">
          <thead>
            <tr>
              <th>{t('fields.sku')}</th>
              <th>{t('fields.name')}</th>
              <th>{t('fields.unit')}</th>
              <th>{t('fields.category')}</th>
              <th className="numeric">{t('fields.score')}</th>
            </tr>
          </thead>
          <tbody>
            {hits.data.map((hit) => (
              <tr key={hit.sku}>
                <td className="mono">{hit.sku}</td>
                <td>{hit.name}</td>
                <td>{hit.unit}</td>
                <td>{hit.category ?? '—'}</td>
                <td className="numeric">{formatScore(hit.score, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
