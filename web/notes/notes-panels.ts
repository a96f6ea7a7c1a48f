import { html, type TemplateResult } from 'lit';
import type { Activity, ActivityKind } from '../../server/contract/parts.js';
import './pd-gallery-controls.js';
import './pd-merge-cards.js';
import './pd-paper-entry.js';
import './pd-paper-counts.js';
import './pd-equity-of-voice.js';
import './pd-agreement-builder.js';
import '../present/moves-live.js';
import './pd-preparation.js';
import './pd-group-board-staff.js';
import './pd-partnership-plan-link.js';
import '../present/pd-groups-live.js';
import '../present/pd-share-out-live.js';
import '../present/pd-continuum-live.js';
import '../present/pd-partnership-plan-live.js';
import '../present/pd-inventory-progress.js';
import '../present/pd-inventory-rollup.js';
import '../present/pd-inventory-changes.js';
import '../present/pd-inventory-plan.js';

/**
 * Extra panels the notes view shows for the current slide's activity, by kind (for
 * example moderation tools for a gallery walk). Each panel reads the session itself. A
 * new kind adds one entry here.
 */
const byKind: Partial<Record<ActivityKind, (slide: number) => TemplateResult>> = {
  'open-answers': (slide) => html`<pd-answer-moderation slide=${slide}></pd-answer-moderation>`,
  'block-party': (slide) => html`<div style="--pd-live-size: 1rem"><pd-block-party-live slide=${slide} manage></pd-block-party-live></div>`,
  'round-robin': (slide) => html`<div style="--pd-live-size: 1rem"><pd-round-robin-live slide=${slide}></pd-round-robin-live></div>`,
  poll: (slide) => html`<div style="--pd-live-size: 1rem"><pd-poll-live slide=${slide}></pd-poll-live></div>`,
  reflection: (slide) => html`<div style="--pd-live-size: 1rem"><pd-reflections-live slide=${slide} manage></pd-reflections-live></div>`,
  feedback: (slide) => html`<div style="--pd-live-size: 1rem"><pd-feedback-live slide=${slide} detailed></pd-feedback-live></div>`,
  'revise-and-example': () => html`<pd-merge-cards></pd-merge-cards><pd-paper-entry></pd-paper-entry><pd-equity-of-voice></pd-equity-of-voice>`,
  'gallery-walk': () =>
    html`<pd-gallery-controls></pd-gallery-controls><pd-equity-of-voice></pd-equity-of-voice><pd-merge-cards></pd-merge-cards><pd-paper-counts></pd-paper-counts><pd-paper-entry></pd-paper-entry>`,
  'agreement-builder': () => html`<pd-agreement-builder></pd-agreement-builder><pd-equity-of-voice></pd-equity-of-voice>`,
  // The builder holds the next meeting's form.
  'next-meeting': () => html`<pd-agreement-builder></pd-agreement-builder>`,
  // The process protocol.
  'school-profile': (slide) => html`<pd-preparation slide=${slide}></pd-preparation>`,
  'mixed-groups': (slide) => html`<div style="--pd-live-size: 1rem"><pd-groups-live slide=${slide} manage></pd-groups-live></div>`,
  brainstorm: (slide) => html`<div style="--pd-live-size: 1rem"><pd-groups-live slide=${slide} manage></pd-groups-live></div><pd-group-board-staff slide=${slide}></pd-group-board-staff>`,
  'cluster-and-refine': (slide) => html`<div style="--pd-live-size: 1rem"><pd-groups-live slide=${slide} manage></pd-groups-live></div><pd-group-board-staff slide=${slide}></pd-group-board-staff>`,
  'share-out': (slide) => html`<div style="--pd-live-size: 1rem"><pd-share-out-live slide=${slide}></pd-share-out-live></div>`,
  continuum: (slide) => html`<pd-partnership-plan-link></pd-partnership-plan-link><div style="--pd-live-size: 0.8rem"><pd-continuum-live slide=${slide}></pd-continuum-live></div>`,
  'partnership-plan': () => html`<pd-partnership-plan-link></pd-partnership-plan-link>`,
  'follow-up': () => html`<pd-partnership-plan-link></pd-partnership-plan-link>`,
  // The notes view has room for the whole roll-up and plan: no inner scrolling, the page's type.
  inventory: (slide) => html`<div style="--pd-live-size: 1rem"><pd-inventory-progress slide=${slide}></pd-inventory-progress></div>`,
  'inventory-rollup': (slide) =>
    html`<div style="--pd-live-size: 0.95rem; --pd-rollup-height: none"><pd-inventory-rollup slide=${slide}></pd-inventory-rollup></div>`,
  'inventory-changes': (slide) => html`<div style="--pd-live-size: 1rem"><pd-inventory-changes slide=${slide}></pd-inventory-changes></div>`,
  'inventory-plan': (slide) => html`<div style="--pd-live-size: 0.95rem; --pd-plan-height: none"><pd-inventory-plan slide=${slide}></pd-inventory-plan></div>`,
};

/** The panels for a slide's activity, or null when its kind has none. */
export function notesPanel(activity: Activity, slide: number): TemplateResult | null {
  return byKind[activity.kind]?.(slide) ?? null;
}
