import type { LiveSession } from '../shared/live-session.js';
import type { MePart, PhoneSessionPart } from '../shared/view-types.js';

/** What every phone activity screen is given to render: the session, the slide, and the person. */
export interface PhoneActivityContext {
  live: LiveSession;
  session: PhoneSessionPart;
  me: MePart;
}
