// Status colors for the charts, which need them as values; keep them equal to the
// --status-* variables of styles/base.css, which color everything else.

import type { LineStatus } from './api/types';

export const STATUS_COLORS: Record<LineStatus, string> = {
  matched: '#2f8a3e',
  needs_review: '#e0a100',
  no_match: '#8d959e',
  failed: '#c8382d',
  pending: '#c9d3dc',
  processing: '#7aa6d6',
};

export const ACCENT_COLOR = '#2b5d9c';
