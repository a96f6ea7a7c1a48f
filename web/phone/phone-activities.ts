import { html, type TemplateResult } from 'lit';
import type { ActivityKind } from '../../server/contract/parts.js';
import './pd-card-form.js';
import './pd-open-answers.js';
import './pd-revise-example.js';
import './pd-sticker-wall.js';
import './pd-agreement-link.js';
import './moves-phone.js';
import './pd-inventory.js';
import './pd-attendance.js';

/**
 * What the phone shows for each kind of deck activity. Each screen reads the slide, the
 * activity and the person from the session the phone provides. A kind that is not listed
 * falls back to the calm "watch the screen" state. A new kind adds one entry here.
 */
export const phoneActivities: Partial<Record<ActivityKind, () => TemplateResult>> = {
  'open-answers': () => html`<pd-open-answers></pd-open-answers>`,
  card: () => html`<pd-card-form></pd-card-form>`,
  'two-sided-card': () => html`<pd-card-form></pd-card-form>`,
  'revise-and-example': () => html`<pd-revise-example></pd-revise-example>`,
  'gallery-walk': () => html`<pd-sticker-wall></pd-sticker-wall>`,
  'agreement-builder': () => html`<pd-agreement-link></pd-agreement-link>`,
  'next-meeting': () => html`<pd-agreement-link></pd-agreement-link>`,
  'block-party': () => html`<pd-block-party></pd-block-party>`,
  'round-robin': () => html`<pd-round-robin></pd-round-robin>`,
  poll: () => html`<pd-poll></pd-poll>`,
  reflection: () => html`<pd-reflection></pd-reflection>`,
  feedback: () => html`<pd-feedback-form></pd-feedback-form>`,
  inventory: () => html`<pd-inventory></pd-inventory>`,
  attendance: () => html`<pd-attendance></pd-attendance>`,
};
