import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { api } from '../api/instance';
import type { ColumnMapping, PriceListPreview, PriceListStartAnswer } from '../api/types';
import { ErrorBanner } from '../components/ErrorBanner';
import { FileDrop } from '../components/FileDrop';
import { Loading } from '../components/States';
import { columnLetter } from '../format';
import { useLoad } from '../hooks/useLoad';
import type { Navigate } from '../route';

const PRICE_LIST_FILES = '.xlsx,.xls,.csv,.ods,.tsv,.txt';
const FIELDS = ['name', 'unit', 'price', 'id'] as const;
const LISTED_ISSUES = 100;
type Field = (typeof FIELDS)[number];

interface Props {
  droppedFile: File | null;
  onDroppedFileTaken: () => void;
  navigate: Navigate;
}

export function ImportScreen({ droppedFile, onDroppedFileTaken, navigate }: Props) {
  const { t } = useTranslation();
  const [preview, setPreview] = useState<PriceListPreview | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({ name: null, unit: null, price: null, id: null });
  const [supplier, setSupplier] = useState('');
  const [busy, setBusy] = useState<'upload' | 'sheet' | 'start' | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [started, setStarted] = useState<PriceListStartAnswer | null>(null);

  const showPreview = (next: PriceListPreview) => {
    setPreview(next);
    setMapping(next.mapping);
  };

  const run = async (kind: 'upload' | 'sheet' | 'start', action: () => Promise<void>) => {
    setBusy(kind);
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError(caught as Error);
    } finally {
      setBusy(null);
    }
  };

  const upload = (file: File) =>
    run('upload', async () => {
      setStarted(null);
      setPreview(null);
      showPreview(await api.priceLists.upload(file));
    });

  const uploadLatest = useRef(upload);
  uploadLatest.current = upload;
  const takenFile = useRef<File | null>(null);

  useEffect(() => {
    if (!droppedFile || takenFile.current === droppedFile) return;
    takenFile.current = droppedFile;
    onDroppedFileTaken();
    void uploadLatest.current(droppedFile);
  }, [droppedFile, onDroppedFileTaken]);

  const changeSheet = (sheet: string) =>
    run('sheet', async () => {
      if (preview) showPreview(await api.priceLists.sheet(preview.upload_id, sheet));
    });

  const start = () =>
    run('start', async () => {
      if (!preview) return;
      const answer = await api.priceLists.start(preview.upload_id, {
        sheet: preview.sheet ?? undefined,
        mapping,
        supplier: supplier.trim() || undefined,
      });
      if (answer.issues.length === 0) navigate('jobs', answer.request_id);
      else setStarted(answer);
    });

  return (
    <section className="screen" aria-labelledby="import-title">
      <header className="screen-header">
        <h1 id="import-title">{t('import.title')}</h1>
        <p className="screen-lead">{t('import.lead')}</p>
      </header>

      <FileDrop
        accept={PRICE_LIST_FILES}
        title={preview ? t('import.dropAnother') : t('import.drop')}
        hint={t('import.dropHint')}
        busy={busy === 'upload'}
        onFile={(file) => void upload(file)}
        testId="import"
      />
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      {started && <StartIssues answer={started} onOpenJobs={() => navigate('jobs', started.request_id)} />}

      {preview && !started && (
        <div className="panel" data-testid="import-preview">
          <div className="panel-title">
            {preview.file_name}
            <span className="muted"> · {t('units.lines', { count: preview.row_count })}</span>
          </div>

          <div className="form-row">
            {preview.sheets.length > 1 && (
              <label className="field">
                <span className="field-label">{t('import.sheet')}</span>
                <select value={preview.sheet ?? ''} disabled={busy !== null} onChange={(event) => void changeSheet(event.target.value)} data-testid="import-sheet-select">
                  {preview.sheets.map((sheet) => (
                    <option key={sheet} value={sheet}>
                      {sheet}
                    </option>
                  ))}
                </select>
              </label>
            )}
            {FIELDS.map((field) => (
              <ColumnSelect key={field} field={field} headers={preview.headers} value={mapping[field]} onChange={(value) => setMapping({ ...mapping, [field]: value })} />
            ))}
            <SupplierField value={supplier} onChange={setSupplier} />
          </div>

          <MappingWarnings mapping={mapping} />
          <p className="hint">{t('import.supplierHint')}</p>

          {busy === 'sheet' ? <Loading /> : <PreviewTable preview={preview} mapping={mapping} />}

          <div className="actions">
            <button type="button" className="button button-primary" disabled={mapping.name === null || busy !== null} onClick={() => void start()} data-testid="import-start">
              {busy === 'start' ? t('import.starting') : t('import.start', { count: preview.row_count })}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

function ColumnSelect({ field, headers, value, onChange }: { field: Field; headers: string[]; value: number | null; onChange: (value: number | null) => void }) {
  const { t } = useTranslation();
  return (
    <label className="field">
      <span className="field-label">
        {t(`import.column.${field}`)}
        {field === 'name' && <span className="required"> *</span>}
      </span>
      <select
        value={value === null ? '' : String(value)}
        onChange={(event) => onChange(event.target.value === '' ? null : Number(event.target.value))}
        data-testid={`import-map-${field}`}
      >
        <option value="">{field === 'name' ? t('import.chooseColumn') : t('import.noColumn')}</option>
        {headers.map((header, index) => (
          <option key={index} value={index}>
            {columnLetter(index)} · {header || t('import.untitledColumn')}
          </option>
        ))}
      </select>
    </label>
  );
}

function SupplierField({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  const jobs = useLoad(() => api.jobs.list(200), []);
  const suppliers = useMemo(() => [...new Set((jobs.data ?? []).map((job) => job.supplier).filter((name): name is string => !!name))].sort(), [jobs.data]);

  return (
    <label className="field field-wide">
      <span className="field-label">{t('fields.supplier')}</span>
      <input type="text" value={value} list="known-suppliers" placeholder={t('import.supplierPlaceholder')} onChange={(event) => onChange(event.target.value)} data-testid="import-supplier" />
      <datalist id="known-suppliers">
        {suppliers.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
    </label>
  );
}

function MappingWarnings({ mapping }: { mapping: ColumnMapping }) {
  const { t } = useTranslation();
  const used = FIELDS.map((field) => mapping[field]).filter((index): index is number => index !== null);
  const repeated = used.length !== new Set(used).size;

  if (mapping.name === null) return <p className="warning" data-testid="import-warning">{t('import.nameRequired')}</p>;
  if (repeated) return <p className="warning" data-testid="import-warning">{t('import.columnRepeated')}</p>;
  return null;
}

function PreviewTable({ preview, mapping }: { preview: PriceListPreview; mapping: ColumnMapping }) {
  const { t } = useTranslation();
  const roleOf = (index: number): Field | undefined => FIELDS.find((field) => mapping[field] === index);
  const width = Math.max(preview.headers.length, ...preview.rows.map((row) => row.length));
  const columns = Array.from({ length: width }, (_, index) => index);

  if (preview.rows.length === 0) return <p className="hint">{t('import.noRows')}</p>;

  return (
    <div className="table-scroll">
      <table className="table table-preview" data-testid="import-preview-table">
        <caption className="caption">{t('import.previewCaption', { count: preview.rows.length })}</caption>
        <thead>
          <tr>
            {columns.map((index) => {
              const role = roleOf(index);
              return (
                <th key={index} className={role ? 'mapped' : undefined}>
                  <div className="column-letter">
                    {columnLetter(index)}
                    {role && <span className="role-tag">{t(`import.column.${role}`)}</span>}
                  </div>
                  <div>{preview.headers[index] ?? ''}</div>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((row, rowIndex) => (
            <tr key={rowIndex}>
              {columns.map((index) => (
                <td key={index} className={roleOf(index) ? 'mapped' : undefined}>
                  {row[index] ?? ''}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function StartIssues({ answer, onOpenJobs }: { answer: PriceListStartAnswer; onOpenJobs: () => void }) {
  const { t } = useTranslation();
  const total = answer.issues_total ?? answer.issues.length;
  return (
    <div className="banner banner-warning" role="status" data-testid="import-issues">
      <div>{t('import.startedWithIssues', { lines: t('units.lines', { count: answer.materials_count }), count: total })}</div>
      <ul className="issue-list">
        {answer.issues.slice(0, LISTED_ISSUES).map((issue, index) => (
          <li key={index}>{issue.message}</li>
        ))}
      </ul>
      {total > LISTED_ISSUES && <p className="hint">{t('common.moreNotShown', { count: total - LISTED_ISSUES })}</p>}
      <button type="button" className="button" onClick={onOpenJobs} data-testid="import-open-jobs">
        {t('import.openJobs')}
      </button>
    </div>
  );
}
