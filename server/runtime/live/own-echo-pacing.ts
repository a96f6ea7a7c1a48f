/**
 * A phone shows some taps at once from its write's answer (a sticker: see
 * web/phone/pd-sticker-wall.ts), so the echo of that person's own such events reaches
 * their phones at most every `intervalMs`. In the gallery walk's burst a phone then gets a
 * message every few seconds instead of one per tap; the phone that tapped already shows
 * the tap, and another phone of the same person is at most `intervalMs` behind (plus one
 * phone interval).
 *
 * A person with a single phone connected waits `soleIntervalMs` instead (longer): that
 * phone is nearly always the one that tapped. `phonesOf` is asked at each flush, so a
 * second phone connecting brings the shorter interval back at the next one.
 *
 * `hold` is asked at each phone flush with the people whose own events arrived since the
 * last one; it takes out, and returns, those whose every event is one a phone shows at
 * once and whose last echo was sent less than their interval ago, and those beyond
 * `maxPerFlush` echoes in this flush. The caller keeps them for a later flush (first in
 * line then). Whoever is sent to is marked with `sent`.
 *
 * The cap keeps a flush short. Without it, the people whose echoes went out in one flush
 * all fell due together an interval later: in a 10,000-phone walk every echo came in one
 * burst every interval, a second of socket writes during which no sticker was answered.
 */
export class OwnEchoPacing {
  /** When each person's phones last got the echo of their own events (monotonic clock). */
  private readonly lastEcho = new Map<string, number>();

  constructor(
    private readonly intervalMs: number,
    private readonly shownAtOnce: ReadonlySet<string>,
    private readonly maxPerFlush = Infinity,
    private readonly soleIntervalMs = intervalMs,
    private readonly phonesOf: (participantId: string) => number = () => 2,
  ) {}

  hold(dirty: Map<string, Set<string>>, now: number): Map<string, Set<string>> {
    const held = new Map<string, Set<string>>();
    let echoes = 0;
    for (const [participantId, types] of dirty) {
      if (!this.allShownAtOnce(types)) continue;
      const interval = this.phonesOf(participantId) > 1 ? this.intervalMs : this.soleIntervalMs;
      const due = now - (this.lastEcho.get(participantId) ?? -Infinity) >= interval;
      if (due && echoes < this.maxPerFlush) {
        echoes++;
        continue;
      }
      held.set(participantId, types);
    }
    for (const participantId of held.keys()) dirty.delete(participantId);
    return held;
  }

  /** Asked for every waiting person at every flush (10,000 of them in a district's walk): no array made. */
  private allShownAtOnce(types: Set<string>): boolean {
    for (const type of types) if (!this.shownAtOnce.has(type)) return false;
    return true;
  }

  sent(participantIds: Iterable<string>, now: number): void {
    for (const participantId of participantIds) this.lastEcho.set(participantId, now);
  }
}
