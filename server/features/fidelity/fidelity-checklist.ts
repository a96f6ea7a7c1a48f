import type { FidelityItem, FidelityMark, FidelityPart } from '../../contract/series-parts.js';
import type { Activity, Deck } from '../../deck/deck-schema.js';
import type { SessionState } from '../../domain/session-state.js';

type Template = Omit<FidelityItem, 'mark' | 'comment'>;

/** A mark's points toward the score: observed counts whole, partly half, not observed nothing. */
export const MARK_POINTS: Record<FidelityMark, number> = { observed: 1, partly: 0.5, 'not-observed': 0 };

/** A slide's facilitator steps: the lines of its notes, bullets and numbers stripped. */
function steps(notesText: string): string[] {
  return notesText
    .split('\n')
    .map((line) => line.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '').trim())
    .filter((line) => line !== '');
}

/** What running an activity as the deck says means, in the deck's own words (its prompt or question). */
function activityWords(activity: Activity): string {
  switch (activity.kind) {
    case 'two-sided-card':
      return activity.front.prompt;
    case 'revise-and-example':
      return activity.example.prompt;
    case 'gallery-walk':
      return activity.walls.join(', ');
    case 'poll':
      return activity.question;
    case 'feedback':
      return activity.ratings.map((r) => r.label).join(' · ');
    case 'block-party':
      return activity.rounds.join(' · ');
    case 'open-answers':
    case 'card':
    case 'round-robin':
    case 'reflection':
    case 'attendance':
      return activity.prompt;
    default:
      return '';
  }
}

/**
 * The coach's checklist, built from the deck: every slide with facilitator notes (its
 * steps), every activity (run as the deck says), then the items the deck declares itself.
 * Ids are stable while the deck is (`slide-12`, `activity-12`, `deck-<id>`), so marks in the
 * log keep their meaning.
 */
export function fidelityTemplate(deck: Deck): Template[] {
  const items: Template[] = [];
  for (const slide of deck.slides) {
    const slideSteps = steps(slide.notesText);
    if (slideSteps.length > 0) items.push({ id: `slide-${slide.number}`, source: 'slide', slide: slide.number, text: slide.title, steps: slideSteps });
    if (slide.activity) {
      items.push({ id: `activity-${slide.number}`, source: 'activity', slide: slide.number, text: activityWords(slide.activity) || slide.title, steps: [] });
    }
  }
  for (const item of deck.fidelity) items.push({ id: `deck-${item.id}`, source: 'deck', slide: null, text: item.text, steps: [] });
  return items;
}

const templates = new WeakMap<Deck, Template[]>();

export function fidelityItemIds(deck: Deck): Set<string> {
  return new Set(checklistOf(deck).map((t) => t.id));
}

function checklistOf(deck: Deck): Template[] {
  let list = templates.get(deck);
  if (!list) templates.set(deck, (list = fidelityTemplate(deck)));
  return list;
}

/** The score as a whole per cent of the marked items' points; null before the first mark. */
export function fidelityScore(marks: Iterable<FidelityMark | null>): { score: number | null; marked: number } {
  let points = 0;
  let marked = 0;
  for (const mark of marks) {
    if (!mark) continue;
    marked++;
    points += MARK_POINTS[mark];
  }
  return { score: marked === 0 ? null : Math.round((points / marked) * 100), marked };
}

export function fidelityPart(state: SessionState, deck: Deck): { fidelity: FidelityPart } {
  const items = checklistOf(deck).map((t) => ({
    ...t,
    mark: state.fidelityMarks.get(t.id)?.mark ?? null,
    comment: state.fidelityMarks.get(t.id)?.comment ?? '',
  }));
  return { fidelity: { items, ...fidelityScore(items.map((i) => i.mark)), notes: state.coachingNotes } };
}
