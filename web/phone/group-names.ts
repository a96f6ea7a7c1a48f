import type { StakeholderGroup } from '../../server/contract/parts.js';
import { msg, type MessageKey } from './messages.js';

const GROUP_KEYS: Record<StakeholderGroup, MessageKey> = {
  parent: 'groupParent',
  teacher: 'groupTeacher',
  classified: 'groupClassified',
  administrator: 'groupAdministrator',
  community: 'groupCommunity',
  student: 'groupStudent',
};

export function groupName(group: StakeholderGroup): string {
  return msg(GROUP_KEYS[group]);
}
