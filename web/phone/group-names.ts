import { currentLanguage } from './messages.js';

/** A stakeholder group as the join form offers it: its id and its name in each of the deck's languages. */
export interface JoinGroup {
  id: string;
  names: Record<string, string>;
}

/** A group's name in the phone's language (the deck's first language where it has none). */
export function groupName(groups: readonly JoinGroup[] | undefined, id: string): string {
  const group = groups?.find((g) => g.id === id);
  if (!group) return id;
  return group.names[currentLanguage()] ?? Object.values(group.names)[0] ?? id;
}
