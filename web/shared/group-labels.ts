import type { GroupName, StakeholderGroup } from '../../server/contract/parts.js';

/**
 * How the facilitators' screens and the agreement page name the stakeholder groups: in
 * the deck's own words (its `groups:`; Module 1's six, or a district team's). One
 * person's group…
 */
export function groupLabel(groups: readonly GroupName[] | undefined, id: StakeholderGroup): string {
  return groups?.find((g) => g.id === id)?.name ?? id;
}

/** …and the group as a whole, for counts and for who took part. */
export function groupsLabel(groups: readonly GroupName[] | undefined, id: StakeholderGroup): string {
  return groups?.find((g) => g.id === id)?.plural ?? id;
}
