import { GROUP_LABEL } from '../shared/group-labels.js';
import { STAKEHOLDER_GROUPS } from '../../server/contract/parts.js';

/** Stakeholder group names on the facilitators' gallery tools. */
export const GROUP_LABELS: Record<string, string> = { ...GROUP_LABEL, paper: 'Paper (group not given)' };

export const STAKEHOLDER_IDS: readonly string[] = STAKEHOLDER_GROUPS;

export function shortText(text: string, max = 70): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
