import { html, type TemplateResult } from 'lit';
import type { Activity, ActivityKind, ActivityOf, StaffParts } from '../../server/contract/parts.js';
import './pd-live-wall.js';
import './pd-word-cloud.js';
import './pd-gallery-board.js';
import './pd-agreement-draft.js';
import './moves-live.js';
import './pd-groups-live.js';
import './pd-share-out-live.js';
import './pd-continuum-live.js';
import './pd-partnership-plan-live.js';
import './pd-inventory-progress.js';
import './pd-inventory-rollup-pages.js';
import './pd-inventory-changes.js';
import './pd-inventory-plan.js';
import './pd-carry-over-live.js';

/** `page`: the page the presenter turned to on a paged activity (undefined: the pages turn by themselves). */
type LiveActivity<K extends ActivityKind> = (activity: ActivityOf<K>, slide: number, page: number | undefined) => TemplateResult;

/**
 * What an activity slide shows live on the projector, by activity kind. A kind not
 * listed shows nothing extra. A new kind adds one entry here, and one in `showing` below.
 */
const byKind: { [K in ActivityKind]?: LiveActivity<K> } = {
  'open-answers': (_activity, slide) => html`<pd-word-cloud projected slide=${slide}></pd-word-cloud>`,
  card: (activity, slide) => html`<pd-live-wall projected .walls=${[activity.wall]} slide=${slide}></pd-live-wall>`,
  'two-sided-card': (activity, slide) => html`<pd-live-wall projected .walls=${[activity.front.wall, activity.back.wall]} slide=${slide}></pd-live-wall>`,
  // Slide 22: definitions (revised) and examples, every card on those walls.
  'revise-and-example': (activity) => html`<pd-live-wall projected .walls=${[activity.revise.wall, activity.example.wall]} slide="0"></pd-live-wall>`,
  'gallery-walk': () => html`<pd-gallery-board projected></pd-gallery-board>`,
  'agreement-builder': () => html`<pd-agreement-draft projected mode="draft"></pd-agreement-draft>`,
  'next-meeting': () => html`<pd-agreement-draft projected mode="next-meeting"></pd-agreement-draft>`,
  'block-party': (_activity, slide) => html`<pd-block-party-live projected slide=${slide}></pd-block-party-live>`,
  'round-robin': (_activity, slide) => html`<pd-round-robin-live projected slide=${slide}></pd-round-robin-live>`,
  poll: (_activity, slide) => html`<pd-poll-live projected slide=${slide}></pd-poll-live>`,
  reflection: (_activity, slide) => html`<pd-reflections-live projected slide=${slide}></pd-reflections-live>`,
  feedback: (_activity, slide) => html`<pd-feedback-live projected slide=${slide}></pd-feedback-live>`,
  // The process protocol: the partners' introductions, one wall per question.
  'question-card': (activity, slide) => html`<pd-live-wall .walls=${activity.questions.map((q) => q.wall)} slide=${slide}></pd-live-wall>`,
  'mixed-groups': (_activity, slide) => html`<pd-groups-live projected slide=${slide}></pd-groups-live>`,
  brainstorm: (_activity, slide) => html`<pd-groups-live projected slide=${slide}></pd-groups-live>`,
  'cluster-and-refine': (_activity, slide) => html`<pd-groups-live projected slide=${slide}></pd-groups-live>`,
  'share-out': (_activity, slide) => html`<pd-share-out-live slide=${slide}></pd-share-out-live>`,
  continuum: (_activity, slide) => html`<pd-continuum-live slide=${slide}></pd-continuum-live>`,
  'partnership-plan': (_activity, slide) => html`<pd-partnership-plan-live slide=${slide}></pd-partnership-plan-live>`,
  'follow-up': (_activity, slide) => html`<pd-partnership-plan-live slide=${slide} checklist></pd-partnership-plan-live>`,
  'carry-over': (_activity, slide) => html`<pd-carry-over-live slide=${slide}></pd-carry-over-live>`,
  inventory: (_activity, slide) => html`<pd-inventory-progress projected slide=${slide}></pd-inventory-progress>`,
  'inventory-rollup': (_activity, slide, page) => html`<pd-inventory-rollup-pages projected slide=${slide} .page=${page}></pd-inventory-rollup-pages>`,
  'inventory-changes': (_activity, slide) => html`<pd-inventory-changes slide=${slide}></pd-inventory-changes>`,
  'inventory-plan': (_activity, slide) => html`<pd-inventory-plan slide=${slide}></pd-inventory-plan>`,
};

/** The live template of an activity slide, or null for a kind that shows nothing extra. */
export function liveActivity(activity: Activity, slide: number, page?: number): TemplateResult | null {
  const render = byKind[activity.kind] as LiveActivity<typeof activity.kind> | undefined;
  return render ? render(activity, slide, page) : null;
}

type Parts = Partial<StaffParts>;

/**
 * Whether the room's live content has something to show, by kind. While it does, it is the
 * slide's main content and the written instructions step aside (deck.css).
 */
const showingByKind: { [K in ActivityKind]?: (activity: ActivityOf<K>, slide: number, parts: Parts) => boolean } = {
  'open-answers': (_a, slide, parts) => (parts.clouds?.[slide]?.length ?? 0) > 0,
  card: (a, slide, parts) => cardsOn(parts, [a.wall], slide),
  'two-sided-card': (a, slide, parts) => cardsOn(parts, [a.front.wall, a.back.wall], slide),
  'revise-and-example': (a, _slide, parts) => cardsOn(parts, [a.revise.wall, a.example.wall], 0),
  'gallery-walk': (_a, _slide, parts) => Boolean(parts.galleryProgress),
  'agreement-builder': () => true,
  'block-party': (_a, slide, parts) => (parts.rounds?.[slide] ?? 0) > 0 || parts.lineup?.slide === slide,
  'round-robin': (_a, slide, parts) => Boolean(parts.roundRobins?.[slide]),
  poll: (_a, slide, parts) => Boolean(parts.polls?.[slide]?.revealed),
  reflection: (_a, slide, parts) => parts.reflections?.[slide]?.shared.some((r) => r.approved && !r.hidden) ?? false,
  // A series session's start: what the previous one handed over is the slide's content.
  'carry-over': (_a, _slide, parts) => Boolean(parts.series?.carriedOver),
  // An inventory strategy once members are marking it: the room follows the counts; the strategy's text is on every phone.
  inventory: (_a, _slide, parts) => parts.inventory?.strategies.some((s) => s.started > 0) ?? false,
  // The protocol's small groups, once the notes view has proposed them.
  'mixed-groups': (_a, _slide, parts) => (parts.groupWork?.groups.length ?? 0) > 0,
  brainstorm: (_a, _slide, parts) => (parts.groupWork?.groups.length ?? 0) > 0,
  'cluster-and-refine': (_a, _slide, parts) => (parts.groupWork?.groups.length ?? 0) > 0,
};

function cardsOn(parts: Parts, walls: string[], slide: number): boolean {
  return (parts.cards ?? []).some((c) => !c.hidden && walls.includes(c.wall) && (slide === 0 || c.slide === slide));
}

export function liveContentShowing(activity: Activity, slide: number, parts: Parts): boolean {
  const showing = showingByKind[activity.kind] as ((a: Activity, s: number, p: Parts) => boolean) | undefined;
  return showing ? showing(activity, slide, parts) : false;
}
