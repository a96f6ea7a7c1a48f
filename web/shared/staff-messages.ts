import type english from '../../locales/staff/en.json';
import { PageCatalog } from './i18n/page-catalog.js';
import { ApiError } from './live/api-client.js';

/**
 * The facilitators' words (the presenter and the notes view): `locales/staff/<lang>.json`
 * (see server/i18n/catalogs.ts). `{name}` marks a value; plural forms are picked by `{n}`.
 */
export type StaffMessageKey = Exclude<keyof typeof english, '$language'>;

export const staffCatalog = new PageCatalog<StaffMessageKey>('staff');

export const staffMsg = staffCatalog.t;

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
  not_an_image: 'notAnImage',
  too_large: 'tooLarge',
  not_your_turn: 'notYourTurn',
};

/** A refused write, explained to a facilitator. */
export function staffRefusal(error: unknown): string {
  if (!(error instanceof ApiError)) return staffMsg('offline');
  const key = BY_CODE[error.code];
  return key ? staffMsg(key) : staffMsg('refusedGeneric', { reason: error.message });
}
