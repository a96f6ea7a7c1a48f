import { ApiError } from './live/api-client.js';

/**
 * Words of the facilitators' screens that several elements share: their refusals by the
 * server's error code, and the page-level problems. (The screens are in English; the
 * phone has its own catalog in web/phone/messages.ts.) `{name}` marks a value.
 */
const staff = {
  refusedGeneric: 'Not done: {reason}',
  offline: 'Not sent: the server cannot be reached. Check the connection and try again.',
  notInControl: 'Not done: the other facilitator holds the slides now.',
  activityClosed: 'Not done: this activity is closed. Reopen it first.',
  noGroups: 'Not done: make the groups first, with the birthday line-up.',
  nobodyHere: 'Not done: nobody has joined yet.',
  lineupClosed: 'Not done: start the birthday line-up first.',
  noTimerRunning: 'Not done: no timer is running on this slide.',
  noGallery: 'Not done: show the gallery walk’s slide first.',
  tooFast: 'Too many changes at once: wait a moment and try again.',
  updateNeeded: 'This screen is from an older version of Partnerdeck and could not update itself. Close it and open your link again.',
  refusedScreen: 'The server refused this screen: {reason}',
  noKey: 'This {page} link has no key. Open the {page} link printed when the session started.',
} as const;

export type StaffMessageKey = keyof typeof staff;

export function staffMsg(key: StaffMessageKey, values: Record<string, string | number> = {}): string {
  return staff[key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}

const BY_CODE: Record<string, StaffMessageKey> = {
  not_in_control: 'notInControl',
  activity_closed: 'activityClosed',
  no_groups: 'noGroups',
  nobody_here: 'nobodyHere',
  lineup_closed: 'lineupClosed',
  no_timer_running: 'noTimerRunning',
  timer_not_running: 'noTimerRunning',
  no_gallery: 'noGallery',
  too_fast: 'tooFast',
};

/** A refused write, explained to a facilitator. */
export function staffRefusal(error: unknown): string {
  if (!(error instanceof ApiError)) return staffMsg('offline');
  const key = BY_CODE[error.code];
  return key ? staffMsg(key) : staffMsg('refusedGeneric', { reason: error.message });
}
