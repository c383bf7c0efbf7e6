// Keeps a burst of identical errors (a client retrying a bad request in a loop) from flooding the log.

export interface ThrottleDecision {
  log: boolean;
  /** Repeats of the same key left out of the log since it was last logged. */
  suppressed: number;
}

/**
 * Admit each key to the log at most once per window and count the repeats in between, so the
 * next logged line for the key can carry that count. When more than `maxKeys` keys are tracked,
 * the oldest is forgotten.
 */
export class LogThrottle {
  readonly #windowMs: number;
  readonly #maxKeys: number;
  readonly #entries = new Map<string, { windowStart: number; suppressed: number }>();

  constructor(windowMs = 60_000, maxKeys = 1_000) {
    this.#windowMs = windowMs;
    this.#maxKeys = maxKeys;
  }

  admit(key: string, now = Date.now()): ThrottleDecision {
    const entry = this.#entries.get(key);
    if (entry && now - entry.windowStart < this.#windowMs) {
      entry.suppressed += 1;
      return { log: false, suppressed: entry.suppressed };
    }

    const suppressed = entry?.suppressed ?? 0;
    this.#entries.delete(key);
    this.#entries.set(key, { windowStart: now, suppressed: 0 });
    if (this.#entries.size > this.#maxKeys) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    return { log: true, suppressed };
  }
}
