import type { StakeholderGroup } from '../../../domain/events.js';

/** How the agreement names the groups that took part (the phone has its own translated labels). */
export const STAKEHOLDER_LABELS: Record<StakeholderGroup, string> = {
  parent: 'parents and families',
  teacher: 'teachers',
  classified: 'classified staff',
  administrator: 'administrators',
  community: 'community partners',
  student: 'students',
};
