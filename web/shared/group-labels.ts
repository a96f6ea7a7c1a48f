import type { StakeholderGroup } from '../../server/contract/parts.js';

/**
 * How the facilitators' screens and the agreement page name the stakeholder groups (the
 * phone has its own translated names in web/phone/messages.ts). One person's group…
 */
export const GROUP_LABEL: Record<StakeholderGroup, string> = {
  parent: 'Parent/family',
  teacher: 'Teacher',
  classified: 'Classified staff',
  administrator: 'Administrator',
  community: 'Community partner',
  student: 'Student',
};

/** …and the group as a whole, for counts and for who took part. */
export const GROUPS_LABEL: Record<StakeholderGroup, string> = {
  parent: 'Parents & families',
  teacher: 'Teachers',
  classified: 'Classified staff',
  administrator: 'Administrators',
  community: 'Community partners',
  student: 'Students',
};
