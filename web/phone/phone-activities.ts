import { html, type TemplateResult } from 'lit';
import type { PhoneActivityContext } from './activity-context.js';
import './pd-card-form.js';
import './pd-open-answers.js';
import './pd-revise-example.js';
import './pd-sticker-wall.js';
import './pd-agreement-link.js';
import './moves-phone.js';

/**
 * What the phone shows for each kind of deck activity. A kind that is not listed falls
 * back to the calm "watch the screen" state. A new kind adds one entry here.
 */
export const phoneActivities: Record<string, (ctx: PhoneActivityContext) => TemplateResult> = {
  'open-answers': ({ live, session, me }) =>
    html`<pd-open-answers .live=${live} .activity=${session.activity!} .slide=${session.slide} .me=${me} ?open=${session.open}></pd-open-answers>`,
  card: ({ live, session, me }) =>
    html`<pd-card-form .live=${live} .activity=${session.activity!} .slide=${session.slide} .me=${me} ?open=${session.open}></pd-card-form>`,
  'two-sided-card': ({ live, session, me }) =>
    html`<pd-card-form .live=${live} .activity=${session.activity!} .slide=${session.slide} .me=${me} ?open=${session.open}></pd-card-form>`,
  'revise-and-example': ({ live, session, me }) =>
    html`<pd-revise-example .live=${live} .activity=${session.activity!} .slide=${session.slide} .me=${me} ?open=${session.open}></pd-revise-example>`,
  'gallery-walk': ({ live, session }) => html`<pd-sticker-wall .live=${live} .activity=${session.activity!} .walls=${session.walls}></pd-sticker-wall>`,
  'agreement-builder': ({ live }) => html`<pd-agreement-link .live=${live} kind="agreement-builder"></pd-agreement-link>`,
  'next-meeting': ({ live }) => html`<pd-agreement-link .live=${live} kind="next-meeting"></pd-agreement-link>`,
  'block-party': ({ live, session, me }) => html`<pd-block-party .live=${live} .slide=${session.slide} .me=${me}></pd-block-party>`,
  'round-robin': ({ live, session }) => html`<pd-round-robin .live=${live} .slide=${session.slide} .activity=${session.activity!}></pd-round-robin>`,
  poll: ({ live, session }) => html`<pd-poll .live=${live} .slide=${session.slide} .activity=${session.activity!} ?open=${session.open}></pd-poll>`,
  reflection: ({ live, session }) => html`<pd-reflection .live=${live} .slide=${session.slide} .activity=${session.activity!} ?open=${session.open}></pd-reflection>`,
  feedback: ({ live, session }) => html`<pd-feedback-form .live=${live} .slide=${session.slide} .activity=${session.activity!} ?open=${session.open}></pd-feedback-form>`,
};
