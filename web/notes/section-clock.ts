import type { SectionPace } from '../../server/contract/parts.js';

/**
 * Time spent in a section so far: the server's finished visits plus the visit going on
 * now, counted against the server's clock. The notes view's clock and the pacing table
 * both read the server's `pacing` part through this, so they always agree.
 */
export function actualMs(section: SectionPace, serverNow: number): number {
  return section.closedMs + (section.openSince === null ? 0 : Math.max(0, serverNow - section.openSince));
}

/** Elapsed time as m:ss, counted down to the whole second. */
export function formatElapsed(ms: number): string {
  const total = Math.floor(ms / 1000);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}
