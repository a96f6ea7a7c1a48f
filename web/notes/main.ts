import { startStaffPage } from '../shared/start-staff-page.js';
import { staffMsg } from '../shared/staff-messages.js';
import './pd-notes-view.js';

/** The notes view's page: the support facilitator's (or the coach's, read-only) screen. */
void startStaffPage({
  root: document.createElement('pd-notes-view'),
  noKeyMessage: staffMsg('noKeyNotes'),
  titleFor: (deck) => staffMsg('pageTitleNotes', { deck: deck.title }),
});
