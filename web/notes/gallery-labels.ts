import { STAKEHOLDER_GROUPS, type StakeholderGroup } from '../../server/contract/parts.js';
import { groupLabel, staffCatalog, staffMsg } from '../shared/staff-messages.js';

/** Stakeholder group names on the facilitators' gallery tools. */

export const STAKEHOLDER_IDS: readonly string[] = STAKEHOLDER_GROUPS;

export function shortText(text: string, max = 70): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * Each card's name in a list of cards: its text, shortened, and when two cards read the
 * same (two people wrote "Respect"), who wrote it and when, so a facilitator can tell
 * them apart: "Respect (parent, 10:42)", "Respect (paper, 10:47)".
 */
export function cardNames(cards: readonly { id: string; text: string; paper?: boolean; author: { group: string } | null; at: number }[], max = 70): Map<string, string> {
  const counts = new Map<string, number>();
  for (const c of cards) counts.set(shortText(c.text, max), (counts.get(shortText(c.text, max)) ?? 0) + 1);
  return new Map(
    cards.map((c) => {
      const short = shortText(c.text, max);
      if ((counts.get(short) ?? 0) < 2) return [c.id, short];
      const group = c.author?.group;
      const who = c.paper ? groupLabel('paper') : group && (STAKEHOLDER_GROUPS as readonly string[]).includes(group) ? groupLabel(group as StakeholderGroup) : staffMsg('groupUnknown');
      const when = new Date(c.at).toLocaleTimeString(staffCatalog.lang, { hour: 'numeric', minute: '2-digit', second: '2-digit' });
      return [c.id, `${short} (${who}, ${when})`];
    }),
  );
}
