import { STAKEHOLDER_GROUPS } from '../../server/contract/parts.js';

/** Stakeholder group names on the facilitators' gallery tools. */

export const STAKEHOLDER_IDS: readonly string[] = STAKEHOLDER_GROUPS;

export function shortText(text: string, max = 70): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
