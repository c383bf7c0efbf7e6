import { useTranslation } from 'react-i18next';

import type { Reason } from '../api/types';

const AGREEING = new Set(['article_match', 'grade_match', 'measure_match', 'color_match', 'confirmed_before']);
const DIFFERING = new Set(['article_differs', 'grade_conflict', 'measure_conflict', 'color_conflict', 'unit_incompatible', 'unit_unknown', 'rejected_before']);

export type ReasonTone = 'agree' | 'differ' | 'neutral';

export function reasonTone(code: string): ReasonTone {
  if (AGREEING.has(code)) return 'agree';
  if (DIFFERING.has(code)) return 'differ';
  return 'neutral';
}

/** Write the decimal points of a reason's numbers (`1.00`, `0.05 м3`) with the UI language's separator. */
export function localizeDecimals(detail: string, language: string): string {
  if (!language.startsWith('ru')) return detail;
  return detail.replace(/(\d)\.(\d)/g, '$1,$2');
}

const MARKS: Record<ReasonTone, string> = { agree: '✓', differ: '✗', neutral: '•' };

/** Reasons as chips: green where an attribute agrees, red where it differs, grey for the rest. */
export function ReasonList({ reasons }: { reasons: readonly Reason[] }) {
  const { t, i18n } = useTranslation();
  if (reasons.length === 0) return null;

  return (
    <ul className="reasons">
      {reasons.map((reason, index) => {
        const tone = reasonTone(reason.code);
        // A code this build does not know yet shows the server's text, which already includes the detail.
        const known = i18n.exists(`reason.${reason.code}`);
        const label = known ? t(`reason.${reason.code}`) : (reason.text ?? reason.code);
        return (
          <li key={`${reason.code}-${index}`} className={`reason reason-${tone}`} data-reason={reason.code}>
            <span aria-hidden="true">{MARKS[tone]} </span>
            {label}
            {known && reason.detail && <span className="reason-detail">: {localizeDecimals(reason.detail, i18n.language)}</span>}
          </li>
        );
      })}
    </ul>
  );
}
