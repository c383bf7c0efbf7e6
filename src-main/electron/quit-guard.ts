// The `before-quit` handler. It delays the first quit until the runtime has stopped (the engine
// parks the batches in flight for the next start), then quits for real. Quit requests that come
// while the runtime stops are delayed too, and the runtime is stopped only once.

/** Maximum wait for the runtime to stop. The engine itself waits at most 10 s for batches in flight. */
export const STOP_TIMEOUT_MS = 20_000;

export interface QuitGuardOptions {
  stop(): Promise<void>;
  quit(): void;
  onError(error: unknown): void;
  timeoutMs?: number;
}

export type QuitState = 'running' | 'stopping' | 'stopped';

export interface QuitGuard {
  readonly state: QuitState;
  handleBeforeQuit(event: { preventDefault(): void }): void;
}

export function createQuitGuard(options: QuitGuardOptions): QuitGuard {
  let state: QuitState = 'running';
  const timeoutMs = options.timeoutMs ?? STOP_TIMEOUT_MS;

  const finish = (): void => {
    state = 'stopped';
    options.quit();
  };

  return {
    get state() {
      return state;
    },
    handleBeforeQuit(event) {
      if (state === 'stopped') return;
      event.preventDefault();
      if (state === 'stopping') return;

      state = 'stopping';
      stopWithin(options.stop, timeoutMs).catch(options.onError).finally(finish);
    },
  };
}

async function stopWithin(stop: () => Promise<void>, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`The runtime did not stop within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([stop(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
