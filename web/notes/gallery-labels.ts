import type { GroupName } from '../../server/contract/parts.js';
import { groupLabel } from '../shared/group-labels.js';

/** Stakeholder group names on the facilitators' gallery tools (the deck's groups, and paper with no group). */
export function voiceLabel(groups: readonly GroupName[] | undefined, id: string): string {
  return id === 'paper' ? 'Paper (group not given)' : groupLabel(groups, id);
}

export function shortText(text: string, max = 70): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
