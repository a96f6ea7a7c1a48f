import { startStaffPage } from '../shared/start-staff-page.js';
import { staffMsg } from '../shared/staff-messages.js';
import './pd-preparation-page.js';

/**
 * The preparation page, opened from the start page or the link `npm start` prints, with
 * the lead's key. It follows the session live, so two people preparing see each other's
 * changes, and the preview shows the slides as the projector will.
 */
document.title = staffMsg('pageTitlePrepare');
const page = document.createElement('pd-preparation-page');
void startStaffPage({ root: page, noKeyMessage: staffMsg('noKeyPrepare'), onKey: (key) => (page.staffKey = key) });
