import type { Activity } from '../../deck/deck-schema.js';

/** What a phone may know about an activity: everything but a poll's answer key. */
export function publicActivity(activity: Activity | null): Activity | null {
  if (activity?.kind !== 'poll') return activity;
  return { ...activity, choices: activity.choices.map(({ id, label }) => ({ id, label })) };
}
