import type { GroupName } from '../../server/contract/parts.js';
import { groupLabel } from '../shared/group-labels.js';
import { staffCatalog, staffMsg } from '../shared/staff-messages.js';

/** Stakeholder group names on the facilitators' gallery tools (the deck's groups, and paper with no group). */
export function voiceLabel(groups: readonly GroupName[] | undefined, id: string): string {
  return id === 'paper' ? staffMsg('groupPaper') : groupLabel(groups, id);
}

export function shortText(text: string, max = 70): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * Each card's name in a list of cards: its text, shortened, and when two cards read the
 * same (two people wrote "Respect"), who wrote it and when, so a facilitator can tell
 * them apart: "Respect (parent, 10:42)", "Respect (paper, 10:47)".
 */
export function cardNames(cards: readonly { id: string; text: string; paper?: boolean; author: { group: string } | null; at: number }[], max = 70, groups?: readonly GroupName[]): Map<string, string> {
  const counts = new Map<string, number>();
  for (const c of cards) counts.set(shortText(c.text, max), (counts.get(shortText(c.text, max)) ?? 0) + 1);
  return new Map(
    cards.map((c) => {
      const short = shortText(c.text, max);
      if ((counts.get(short) ?? 0) < 2) return [c.id, short];
      const who = c.paper ? staffMsg('groupPaper') : c.author ? groupLabel(groups, c.author.group) : staffMsg('groupUnknown');
      const when = new Date(c.at).toLocaleTimeString(staffCatalog.lang, { hour: 'numeric', minute: '2-digit', second: '2-digit' });
      return [c.id, `${short} (${who}, ${when})`];
    }),
  );
}
