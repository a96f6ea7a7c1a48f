/**
 * A phone shows some taps at once from its write's answer (a sticker: see
 * web/phone/pd-sticker-wall.ts), so the echo of that person's own such events reaches
 * their phones at most every `intervalMs`. In the gallery walk's burst a phone then gets a
 * message every few seconds instead of one per tap; the phone that tapped already shows
 * the tap, and another phone of the same person is at most `intervalMs` behind (plus one
 * phone interval).
 *
 * A person with a single phone connected waits `soleIntervalMs` instead (longer): that
 * phone is nearly always the one that tapped. A second phone connecting (`recheck`) brings
 * the shorter interval back at once.
 *
 * Each wait is drawn between half the interval and the whole of it, and a person's first
 * echo comes within half an interval of their first tap. A room's walk starts all at once:
 * with fixed waits, everyone's echoes fell due together, interval after interval, in
 * waves of thousands of frames (in a 10,000-phone walk a wave took a tenth of the server's
 * time for seconds, and the answers waited). Drawn waits spread them evenly; so the
 * promise is an echo within the interval, and never two within half of it.
 *
 * `flush` is asked at each phone update with the people whose own events arrived since the
 * last one, and returns those to send to now: the people held earlier whose echo has come
 * due (oldest first), then the newly arrived whose every event is not one a phone shows at
 * once, or whose last echo is an interval old. The rest are held here until they fall due.
 * At most `maxPerFlush` echoes go in one update; the others due wait, first in line for the
 * next. Whoever is sent to is marked with `sent`.
 *
 * The cap keeps an update short. Without it, the people whose echoes went out in one update
 * all fell due together an interval later: in a 10,000-phone walk every echo came in one
 * burst every interval, a second of socket writes during which no sticker was answered.
 *
 * Held people are filed by when they fall due, in slots of SLOT_MS, so an update looks only
 * at the slots that have come due and at the newly arrived: in a district's walk nearly
 * every person is held at any moment, and going over all of them at every update (four a
 * second) was 5 % of the server's time in the burst.
 */
export class OwnEchoPacing {
  /** When each person's phones last got the echo of their own events (monotonic clock). */
  private readonly lastEcho = new Map<string, number>();
  /** The people held back: their waiting events' types, and the slot they are filed in. */
  private readonly held = new Map<string, { types: Set<string>; slot: number }>();
  /** Held people by the slot in which they fall due. */
  private readonly slots = new Map<number, Set<string>>();
  /** No slot before this one holds anybody. */
  private firstSlot = Infinity;

  constructor(
    private readonly intervalMs: number,
    private readonly shownAtOnce: ReadonlySet<string>,
    private readonly maxPerFlush = Infinity,
    private readonly soleIntervalMs = intervalMs,
    private readonly phonesOf: (participantId: string) => number = () => 2,
    /** Where in its range each wait falls (a test gives its own). */
    private readonly random: () => number = Math.random,
  ) {}

  /** How many people are held for a later update. */
  get waiting(): number {
    return this.held.size;
  }

  flush(arrived: ReadonlyMap<string, Set<string>>, now: number): Map<string, Set<string>> {
    const send = new Map<string, Set<string>>();
    let echoes = this.releaseDue(send, now);
    for (const [participantId, types] of arrived) {
      const waiting = this.held.get(participantId);
      if (waiting) {
        for (const type of types) waiting.types.add(type);
        // Something the phone does not show at once goes now, with the taps held before it.
        if (!this.allShownAtOnce(waiting.types)) this.release(participantId, send);
        continue;
      }
      if (!this.allShownAtOnce(types)) {
        send.set(participantId, types);
        continue;
      }
      const due = this.dueAt(participantId, now);
      if (due <= now && echoes < this.maxPerFlush) {
        echoes++;
        send.set(participantId, types);
        continue;
      }
      // Due but over the cap: filed in the slot that has come due, first in line next time.
      this.hold(participantId, new Set(types), due <= now ? Math.floor(now / SLOT_MS) : Math.ceil(due / SLOT_MS));
    }
    return send;
  }

  /** Everyone held, to send now (something changed every phone's own parts anyway). */
  releaseAll(into: Map<string, Set<string>>): void {
    for (const [participantId, { types }] of this.held) {
      const arrived = into.get(participantId);
      if (arrived) for (const type of types) arrived.add(type);
      else into.set(participantId, types);
    }
    this.held.clear();
    this.slots.clear();
    this.firstSlot = Infinity;
  }

  /** A person's phones changed (a second one connected): if held, they are due by the interval that now applies. */
  recheck(participantId: string, now: number): void {
    const waiting = this.held.get(participantId);
    if (!waiting) return;
    const slot = Math.ceil(this.dueAt(participantId, now) / SLOT_MS);
    if (slot >= waiting.slot) return;
    this.unfile(participantId, waiting.slot);
    this.hold(participantId, waiting.types, slot);
  }

  sent(participantIds: Iterable<string>, now: number): void {
    for (const participantId of participantIds) this.lastEcho.set(participantId, now);
  }

  /** Takes the held people whose slot has come, oldest slot first, up to the cap; returns how many. */
  private releaseDue(send: Map<string, Set<string>>, now: number): number {
    const last = Math.floor(now / SLOT_MS);
    let echoes = 0;
    while (this.firstSlot <= last && echoes < this.maxPerFlush) {
      const people = this.slots.get(this.firstSlot);
      if (people) {
        for (const participantId of people) {
          if (echoes >= this.maxPerFlush) break;
          this.release(participantId, send);
          echoes++;
        }
        if (people.size > 0) break;
      }
      // Slots are whole numbers; after a quiet hour the walk to the next held one is short
      // next to an update (SLOT_MS apart).
      this.firstSlot = this.held.size === 0 ? Infinity : this.firstSlot + 1;
    }
    return echoes;
  }

  /** When a person's next echo is due: half an interval to a whole one after their last, or within half of one from now for their first. */
  private dueAt(participantId: string, now: number): number {
    const interval = this.phonesOf(participantId) > 1 ? this.intervalMs : this.soleIntervalMs;
    const last = this.lastEcho.get(participantId);
    return last === undefined ? now + (interval / 2) * this.random() : last + (interval / 2) * (1 + this.random());
  }

  private hold(participantId: string, types: Set<string>, slot: number): void {
    this.held.set(participantId, { types, slot });
    let people = this.slots.get(slot);
    if (!people) this.slots.set(slot, (people = new Set()));
    people.add(participantId);
    if (slot < this.firstSlot) this.firstSlot = slot;
  }

  private release(participantId: string, send: Map<string, Set<string>>): void {
    const waiting = this.held.get(participantId)!;
    this.held.delete(participantId);
    this.unfile(participantId, waiting.slot);
    send.set(participantId, waiting.types);
  }

  private unfile(participantId: string, slot: number): void {
    const people = this.slots.get(slot);
    if (!people) return;
    people.delete(participantId);
    if (people.size === 0) this.slots.delete(slot);
  }

  /** Asked for every newly arrived person at every update: no array made. */
  private allShownAtOnce(types: Set<string>): boolean {
    for (const type of types) if (!this.shownAtOnce.has(type)) return false;
    return true;
  }
}

/** How finely held people are filed by when they fall due: an echo may go up to this much late. */
const SLOT_MS = 50;
