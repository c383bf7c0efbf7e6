import { useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  /** File name endings the picker offers, such as `.xlsx,.xls,.csv`. */
  accept: string;
  title: string;
  hint: string;
  busy?: boolean;
  onFile: (file: File) => void;
  testId: string;
}

/** A drop zone with a file picker. A file dropped here does not reach the window-wide price-list drop. */
export function FileDrop({ accept, title, hint, busy = false, onFile, testId }: Props) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    event.stopPropagation();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file && !busy) onFile(file);
  };

  return (
    <div
      className={`dropzone${over ? ' dropzone-over' : ''}${busy ? ' dropzone-busy' : ''}`}
      data-testid={`${testId}-dropzone`}
      onDragOver={(event) => {
        event.preventDefault();
        event.stopPropagation();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <div className="dropzone-title">{busy ? t('common.uploading') : title}</div>
      <div className="dropzone-hint">{hint}</div>
      <button type="button" className="button" disabled={busy} onClick={() => input.current?.click()} data-testid={`${testId}-pick`}>
        {t('common.pickFile')}
      </button>
      <input
        ref={input}
        type="file"
        accept={accept}
        hidden
        data-testid={`${testId}-file-input`}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) onFile(file);
        }}
      />
    </div>
  );
}
