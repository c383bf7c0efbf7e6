// A callback run every `intervalMs` while `active` is true; each run waits for the previous one.

import { useEffect, useRef } from 'react';

export function useInterval(callback: () => Promise<void> | void, intervalMs: number, active: boolean): void {
  const saved = useRef(callback);
  saved.current = callback;

  useEffect(() => {
    if (!active) return undefined;
    let stopped = false;
    let timer: number | undefined;

    const tick = async () => {
      try {
        await saved.current();
      } finally {
        if (!stopped) timer = window.setTimeout(() => void tick(), intervalMs);
      }
    };
    timer = window.setTimeout(() => void tick(), intervalMs);

    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [intervalMs, active]);
}
