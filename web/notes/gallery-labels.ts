/** Stakeholder group names on the facilitators' gallery tools. */
export const GROUP_LABELS: Record<string, string> = {
  parent: 'Parent/family',
  teacher: 'Teacher',
  classified: 'Classified staff',
  administrator: 'Administrator',
  community: 'Community partner',
  student: 'Student',
  paper: 'Paper (group not given)',
};

export const STAKEHOLDER_IDS = ['parent', 'teacher', 'classified', 'administrator', 'community', 'student'];

export function shortText(text: string, max = 70): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
