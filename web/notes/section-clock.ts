import type { DeckInfo } from '../shared/view-types.js';

export interface SectionClock {
  title: string;
  plannedMinutes: number;
  approximate: boolean;
  elapsedMs: number;
}

/**
 * Time spent in the current section: from the first time the deck entered one of the
 * section's slides (after leaving it, a return continues the same clock) until now.
 */
export function sectionClock(deck: DeckInfo, slide: number, history: { slide: number; at: number }[], now: number): SectionClock | null {
  const section = deck.sections.find((s) => slide >= s.slides[0] && slide <= s.slides[1]);
  if (!section) return null;
  const inSection = (n: number) => n >= section.slides[0] && n <= section.slides[1];
  let elapsedMs = 0;
  for (let i = 0; i < history.length; i++) {
    if (!inSection(history[i].slide)) continue;
    const end = history[i + 1]?.at ?? now;
    elapsedMs += Math.max(0, end - history[i].at);
  }
  return { title: section.title, plannedMinutes: section.minutes, approximate: section.approximate, elapsedMs };
}

export function formatMinutes(ms: number): string {
  const total = Math.floor(ms / 1000);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}
