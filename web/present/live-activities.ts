import { html, type TemplateResult } from 'lit';
import type { Activity, ActivityKind, ActivityOf } from '../../server/contract/parts.js';
import './pd-live-wall.js';
import './pd-word-cloud.js';
import './pd-gallery-board.js';
import './pd-agreement-draft.js';
import './moves-live.js';
import './pd-inventory-progress.js';
import './pd-inventory-rollup.js';
import './pd-inventory-changes.js';
import './pd-inventory-plan.js';

type LiveActivity<K extends ActivityKind> = (activity: ActivityOf<K>, slide: number) => TemplateResult;

/**
 * What an activity slide shows live on the projector, by activity kind. A kind not
 * listed shows nothing extra. A new kind adds one entry here.
 */
const byKind: { [K in ActivityKind]?: LiveActivity<K> } = {
  'open-answers': (_activity, slide) => html`<pd-word-cloud slide=${slide}></pd-word-cloud>`,
  card: (activity, slide) => html`<pd-live-wall .walls=${[activity.wall]} slide=${slide}></pd-live-wall>`,
  'two-sided-card': (activity, slide) => html`<pd-live-wall .walls=${[activity.front.wall, activity.back.wall]} slide=${slide}></pd-live-wall>`,
  // Slide 22: definitions (revised) and examples, every card on those walls.
  'revise-and-example': (activity) => html`<pd-live-wall .walls=${[activity.revise.wall, activity.example.wall]} slide="0"></pd-live-wall>`,
  'gallery-walk': () => html`<pd-gallery-board></pd-gallery-board>`,
  'agreement-builder': () => html`<pd-agreement-draft mode="draft"></pd-agreement-draft>`,
  'next-meeting': () => html`<pd-agreement-draft mode="next-meeting"></pd-agreement-draft>`,
  'block-party': (_activity, slide) => html`<pd-block-party-live slide=${slide}></pd-block-party-live>`,
  'round-robin': (_activity, slide) => html`<pd-round-robin-live slide=${slide}></pd-round-robin-live>`,
  poll: (_activity, slide) => html`<pd-poll-live slide=${slide}></pd-poll-live>`,
  reflection: (_activity, slide) => html`<pd-reflections-live slide=${slide}></pd-reflections-live>`,
  feedback: (_activity, slide) => html`<pd-feedback-live slide=${slide}></pd-feedback-live>`,
  inventory: (_activity, slide) => html`<pd-inventory-progress slide=${slide}></pd-inventory-progress>`,
  'inventory-rollup': (_activity, slide) => html`<pd-inventory-rollup slide=${slide}></pd-inventory-rollup>`,
  'inventory-changes': (_activity, slide) => html`<pd-inventory-changes slide=${slide}></pd-inventory-changes>`,
  'inventory-plan': (_activity, slide) => html`<pd-inventory-plan slide=${slide}></pd-inventory-plan>`,
};

/** The live template of an activity slide, or null for a kind that shows nothing extra. */
export function liveActivity(activity: Activity, slide: number): TemplateResult | null {
  const render = byKind[activity.kind] as LiveActivity<typeof activity.kind> | undefined;
  return render ? render(activity, slide) : null;
}
