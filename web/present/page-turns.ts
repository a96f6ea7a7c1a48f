/** How long one page of a wall or list stays on the projector before the next one shows. */
export const PAGE_MS = 12_000;

/**
 * The page turns of something the room watches (a slide's paged lists, the gallery walls in
 * turn), counted from the moment it came into view rather than from the wall clock, so it
 * opens on its first turn; counted from the wall clock (12 s turns since 1970) it could
 * open on any page. Pure bookkeeping: the caller says when the thing is in view, and reads
 * the turn in progress when it renders.
 */
export class PageTurns {
  private since: number | null = null;

  /** The thing is in view: its turns start now, unless they are already counting. */
  begin(now = Date.now()): void {
    this.since ??= now;
  }

  /** Start the turns again from now (the lead picked a wall by its tab). */
  restart(now = Date.now()): void {
    this.since = now;
  }

  /** Out of view: the next `begin` starts again from the first turn. */
  stop(): void {
    this.since = null;
  }

  /** The turn in progress: whole PAGE_MS since the turns began, 0 while they are not counting. */
  current(now = Date.now()): number {
    return this.since === null ? 0 : Math.max(0, Math.floor((now - this.since) / PAGE_MS));
  }
}
