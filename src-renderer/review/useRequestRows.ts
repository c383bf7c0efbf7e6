// All result lines of one request, loaded page by page (1000 lines a page, the API's maximum)
// in the background, one request at a time. A small first page comes before them so the first
// lines show without waiting for a full page.

import { useCallback, useEffect, useRef, useState } from 'react';

import { api } from '../api/instance';
import type { ResultRow, StatusCounts } from '../api/types';

export const PAGE_SIZE = 1000;
const FIRST_PAGE_SIZE = 100;

export interface RequestRows {
  rows: ResultRow[];
  /** Lines of the request as the server counted them on the first page. */
  total: number | null;
  /** Counts by status from the first page, until every line is loaded and counted here. */
  summary: StatusCounts | null;
  loadedAll: boolean;
  error: Error | null;
  reload: () => void;
  replaceRows: (updated: ResultRow[]) => void;
}

export function useRequestRows(requestId: string | null): RequestRows {
  const [rows, setRows] = useState<ResultRow[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [summary, setSummary] = useState<StatusCounts | null>(null);
  const [loadedAll, setLoadedAll] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [generation, setGeneration] = useState(0);
  const current = useRef(0);

  useEffect(() => {
    const run = ++current.current;
    setRows([]);
    setTotal(null);
    setSummary(null);
    setLoadedAll(false);
    setError(null);
    if (!requestId) return;

    const loadAll = async () => {
      const first = await api.results.page(requestId, { page: 1, page_size: FIRST_PAGE_SIZE });
      if (run !== current.current) return;
      setTotal(first.total_items);
      setSummary(first.summary);
      setRows(first.results);
      if (first.total_pages <= 1) {
        setLoadedAll(true);
        return;
      }

      for (let page = 1; ; page++) {
        const answer = await api.results.page(requestId, { page, page_size: PAGE_SIZE });
        if (run !== current.current) return;
        // The full first page replaces the small one and keeps any decision made on it meanwhile.
        setRows((previous) => (page === 1 ? keepNewer(answer.results, previous) : previous.concat(answer.results)));
        if (page >= answer.total_pages || answer.results.length === 0) break;
      }
      setLoadedAll(true);
    };

    loadAll().catch((caught: unknown) => {
      if (run === current.current) setError(caught instanceof Error ? caught : new Error(String(caught)));
    });
  }, [requestId, generation]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);

  const replaceRows = useCallback((updated: ResultRow[]) => {
    const byId = new Map(updated.map((row) => [row.material_id, row]));
    setRows((previous) => previous.map((row) => byId.get(row.material_id) ?? row));
  }, []);

  return { rows, total, summary, loadedAll, error, reload, replaceRows };
}

/** Replace each line of `loaded` by its copy in `displayed` where that copy has a newer review. */
function keepNewer(loaded: ResultRow[], displayed: ResultRow[]): ResultRow[] {
  const reviewed = new Map(displayed.filter((row) => row.review).map((row) => [row.material_id, row]));
  if (reviewed.size === 0) return loaded;
  return loaded.map((row) => {
    const other = reviewed.get(row.material_id);
    if (!other?.review) return row;
    return row.review && row.review.reviewed_at >= other.review.reviewed_at ? row : other;
  });
}
