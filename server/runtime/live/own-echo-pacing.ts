/**
 * A phone shows some taps at once from its write's answer (a sticker: see
 * web/phone/pd-sticker-wall.ts), so the echo of that person's own such events reaches
 * their phones at most every `intervalMs`. In the gallery walk's burst a phone then gets a
 * message every few seconds instead of one per tap; the phone that tapped already shows
 * the tap, and another phone of the same person is at most `intervalMs` behind (plus one
 * phone interval).
 *
 * `hold` is asked at each phone flush with the people whose own events arrived since the
 * last one; it takes out, and returns, those whose every event is one a phone shows at
 * once and whose last echo was sent less than `intervalMs` ago. The caller keeps them
 * for a later flush. Whoever is sent to is marked with `sent`.
 */
export class OwnEchoPacing {
  /** When each person's phones last got the echo of their own events (monotonic clock). */
  private readonly lastEcho = new Map<string, number>();

  constructor(
    private readonly intervalMs: number,
    private readonly shownAtOnce: ReadonlySet<string>,
  ) {}

  hold(dirty: Map<string, Set<string>>, now: number): Map<string, Set<string>> {
    const held = new Map<string, Set<string>>();
    for (const [participantId, types] of dirty) {
      if (now - (this.lastEcho.get(participantId) ?? -Infinity) >= this.intervalMs) continue;
      if (!this.allShownAtOnce(types)) continue;
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
