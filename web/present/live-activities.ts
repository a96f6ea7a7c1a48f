import { html, type TemplateResult } from 'lit';
import type { ActivityInfo } from '../shared/view-types.js';
import './pd-live-wall.js';
import './pd-word-cloud.js';
import './pd-gallery-board.js';
import './pd-agreement-draft.js';
import './moves-live.js';

/**
 * What an activity slide shows live on the projector, by activity kind. A kind not
 * listed shows nothing extra. A new kind adds one entry here.
 */
export const liveActivities: Record<string, (activity: ActivityInfo, slide: number) => TemplateResult> = {
  'open-answers': (_activity, slide) => html`<pd-word-cloud slide=${slide}></pd-word-cloud>`,
  card: (activity, slide) => html`<pd-live-wall .walls=${[activity.wall as string]} slide=${slide}></pd-live-wall>`,
  'two-sided-card': (activity, slide) => {
    const sides = activity as ActivityInfo & { front: { wall: string }; back: { wall: string } };
    return html`<pd-live-wall .walls=${[sides.front.wall, sides.back.wall]} slide=${slide}></pd-live-wall>`;
  },
  // Slide 22: definitions (revised) and examples, every card on those walls.
  'revise-and-example': (activity) => {
    const a = activity as ActivityInfo & { revise: { wall: string }; example: { wall: string } };
    return html`<pd-live-wall .walls=${[a.revise.wall, a.example.wall]} slide="0"></pd-live-wall>`;
  },
  'gallery-walk': () => html`<pd-gallery-board></pd-gallery-board>`,
  'agreement-builder': () => html`<pd-agreement-draft mode="draft"></pd-agreement-draft>`,
  'next-meeting': () => html`<pd-agreement-draft mode="next-meeting"></pd-agreement-draft>`,
  'block-party': (_activity, slide) => html`<pd-block-party-live slide=${slide}></pd-block-party-live>`,
  'round-robin': (_activity, slide) => html`<pd-round-robin-live slide=${slide}></pd-round-robin-live>`,
  poll: (_activity, slide) => html`<pd-poll-live slide=${slide}></pd-poll-live>`,
  reflection: (_activity, slide) => html`<pd-reflections-live slide=${slide}></pd-reflections-live>`,
  feedback: (_activity, slide) => html`<pd-feedback-live slide=${slide}></pd-feedback-live>`,
};
