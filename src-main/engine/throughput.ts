// Measured matching rate of the whole pool over the last minute, for estimates and statistics.

const WINDOW_MS = 60_000;

export class Throughput {
  readonly #samples: { at: number; lines: number; seconds: number }[] = [];

  /** Record a finished batch of `lines` that took `seconds` on its worker. */
  add(lines: number, seconds: number, at = Date.now()): void {
    this.#samples.push({ at, lines, seconds });
    while (this.#samples.length > 0 && (this.#samples[0]?.at ?? at) < at - WINDOW_MS) this.#samples.shift();
  }

  /**
   * Lines per second of the pool: lines finished in the window divided by the wall-clock time from
   * the start of the first batch in the window to the end of the last. Null before any batch.
   */
  rate(): number | null {
    const first = this.#samples[0];
    const last = this.#samples.at(-1);
    if (!first || !last) return null;
    const lines = this.#samples.reduce((sum, sample) => sum + sample.lines, 0);
    const seconds = (last.at - (first.at - first.seconds * 1000)) / 1000;
    return seconds > 0 ? lines / seconds : null;
  }
}
