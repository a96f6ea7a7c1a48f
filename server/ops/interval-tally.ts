/** What one interval's line carries: how long it covered, the total, and counts by group and key. */
export interface TallyFields {
  intervalS: number;
  total: number;
  counts: Record<string, Record<string, number>>;
}

/**
 * Counts things that can come in floods (429s, 5xx answers, dropped streams, clients that
 * hung up) and reports them as one line per interval instead of a line each: a room of
 * 2,000 phones retrying at once must not fill the disk with log lines, nor spend the
 * write path's time writing them. Counting is a map increment; nothing is written until
 * the interval's flush, and nothing at all when the interval saw none.
 */
export class IntervalTally {
  private counts = new Map<string, Map<string, number>>();
  private total = 0;
  private since = performance.now();

  constructor(private readonly report: (fields: TallyFields) => void) {}

  add(group: string, key: string): void {
    let keys = this.counts.get(group);
    if (!keys) this.counts.set(group, (keys = new Map()));
    keys.set(key, (keys.get(key) ?? 0) + 1);
    this.total++;
  }

  /** Reports what was counted since the last flush, if anything, and starts a new interval. */
  flush(): void {
    const now = performance.now();
    if (this.total > 0) {
      const counts: TallyFields['counts'] = {};
      for (const [group, keys] of this.counts) counts[group] = Object.fromEntries(keys);
      this.report({ intervalS: Math.round((now - this.since) / 100) / 10, total: this.total, counts });
    }
    this.counts = new Map();
    this.total = 0;
    this.since = now;
  }
}
