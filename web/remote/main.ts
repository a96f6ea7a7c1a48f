import { startStaffPage } from '../shared/start-staff-page.js';
import { staffMsg } from '../shared/staff-messages.js';
import './pd-remote-view.js';

/** The lead's remote: a phone-sized page with the lead's key that moves the room's slides. */
document.title = staffMsg('pageTitleRemote');
void startStaffPage({ root: document.createElement('pd-remote-view'), noKeyMessage: staffMsg('noKeyRemote') });
