import type { Deck } from '../../deck/deck-schema.js';
import type { PacingSummary, SectionPace } from '../../contract/parts.js';

/**
 * Planned against actual time per section of the guide, from when each slide was shown
 * (the log's slide.shown events). A section is "done" once the deck has been on it and left.
 *
 * Behind/ahead: each section already left counts its actual minus planned time; the
 * section in progress counts only an overrun (being early in it is not being ahead).
 * Sections never visited count nothing.
 */
export function pacingSummary(deck: Deck, fullHistory: { slide: number; at: number }[], now: number, startedAt: number | null): PacingSummary {
  const slideHistory = startedAt === null ? [] : historySince(fullHistory, startedAt);
  const sectionOfSlide = (n: number) => deck.slides[n - 1]?.sectionId ?? null;
  const closed = new Map<string, number>();
  for (let i = 0; i < slideHistory.length - 1; i++) {
    const id = sectionOfSlide(slideHistory[i].slide);
    if (id) closed.set(id, (closed.get(id) ?? 0) + Math.max(0, slideHistory[i + 1].at - slideHistory[i].at));
  }
  const last = slideHistory.at(-1);
  const currentId = last ? sectionOfSlide(last.slide) : null;
  let behindMs = 0;
  const sections = deck.sections.map((section): SectionPace => {
    const plannedMs = section.minutes * 60_000;
    const closedMs = closed.get(section.id) ?? 0;
    const openSince = section.id === currentId && last ? last.at : null;
    const actualMs = closedMs + (openSince === null ? 0 : Math.max(0, now - openSince));
    const status = section.id === currentId ? 'current' : closedMs > 0 ? 'done' : 'upcoming';
    if (status === 'done') behindMs += actualMs - plannedMs;
    else if (status === 'current') behindMs += Math.max(0, actualMs - plannedMs);
    return { id: section.id, title: section.title, plannedMs, approximate: section.approximate, closedMs, openSince, actualMs, status };
  });
  return { asOf: now, startedAt, sections, behindMs };
}

/** The slides shown from `startedAt` on: the one on screen at that moment counts from then. */
function historySince(history: { slide: number; at: number }[], startedAt: number): { slide: number; at: number }[] {
  const before = history.filter((h) => h.at <= startedAt).at(-1);
  const after = history.filter((h) => h.at > startedAt);
  return before ? [{ slide: before.slide, at: startedAt }, ...after] : after;
}

/** "6 minutes behind", "2 minutes ahead", "on time": what the support facilitator says aloud. */
export function paceSentence(behindMs: number): string {
  const minutes = Math.round(Math.abs(behindMs) / 60_000);
  if (minutes === 0) return 'on time';
  return `${minutes} minute${minutes === 1 ? '' : 's'} ${behindMs > 0 ? 'behind' : 'ahead'}`;
}
