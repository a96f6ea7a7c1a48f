import type { ActivityOf, Deck } from '../../deck/deck-schema.js';
import type { TextByLanguage } from '../../deck/render-slide.js';
import type { PlanPart, PlanStrategy } from '../../contract/parts.js';
import type { SessionState } from '../../domain/session-state.js';
import type { Card } from '../cards/card-state.js';
import { isVotableCard, mergedCardIds, rootCardId } from '../gallery-walk/gallery-model.js';
import { tallyWalls } from '../gallery-walk/tally.js';
import { preparedStandards, refineActivity, subjectKey } from '../group-work/group-work-model.js';
import { groupById, type Cluster } from '../group-work/group-work-state.js';
import { EMPTY_FIELDS } from './plan-state.js';

/**
 * The Partnership Plan as a projection: the strategies (every agreed activity on the
 * strategies wall, ranked by the room's dots once they are revealed), where each sits on
 * the continuum, and what the plan says of it. Views, commands, exports and the PDF all
 * read it from here; nothing here writes.
 */

/** The wall the groups' agreed activities go on, and the dot vote on it (if the deck has one). */
function strategiesWall(deck: Deck): { wall: string; vote: { slide: number; activity: ActivityOf<'gallery-walk'> } | null } | null {
  const refine = refineActivity(deck);
  if (!refine) return null;
  const wall = refine.activity.wall;
  const slide = deck.slides.find((s) => s.activity?.kind === 'gallery-walk' && s.activity.walls.includes(wall));
  return { wall, vote: slide ? { slide: slide.number, activity: slide.activity as ActivityOf<'gallery-walk'> } : null };
}

export function continuumActivity(deck: Deck): ActivityOf<'continuum'> | null {
  return (deck.slides.find((s) => s.activity?.kind === 'continuum')?.activity as ActivityOf<'continuum'> | undefined) ?? null;
}

export function planActivity(deck: Deck): ActivityOf<'partnership-plan'> | null {
  return (deck.slides.find((s) => s.activity?.kind === 'partnership-plan')?.activity as ActivityOf<'partnership-plan'> | undefined) ?? null;
}

/** A strategy's card: on the strategies wall, on show, and not merged into another. Else undefined. */
export function strategyCard(state: SessionState, deck: Deck, cardId: string): Card | undefined {
  const where = strategiesWall(deck);
  const card = state.cards.get(cardId);
  return where && card && card.wall === where.wall && isVotableCard(state, card) ? card : undefined;
}

/** The clusters whose agreed activity a card is (merged duplicates' included). */
function clustersBehind(state: SessionState, cardId: string): Cluster[] {
  return [cardId, ...mergedCardIds(state, cardId)].flatMap((id) => {
    const clusterId = state.groupWork.clusterOfCard.get(id);
    const cluster = clusterId ? state.groupWork.clusters.get(clusterId) : undefined;
    return cluster && !cluster.removed ? [cluster] : [];
  });
}

/** The standards a cluster is about: those of its notes, else its group's. */
function standardsOf(state: SessionState, cluster: Cluster): string[] {
  const fromNotes = [...state.groupWork.notes.values()].filter((n) => n.clusterId === cluster.id && !n.withdrawn).map((n) => n.standardId);
  return fromNotes.length ? fromNotes : (groupById(state, cluster.groupId)?.standardIds ?? []);
}

/** Every strategy: with dots in the room's order once revealed, else in the order agreed. */
export function planStrategies(state: SessionState, deck: Deck): PlanStrategy[] {
  const where = strategiesWall(deck);
  if (!where) return [];
  const revealed = where.vote ? state.gallery.revealed.has(where.vote.slide) : false;
  const tally = where.vote && revealed ? tallyWalls(state, deck, where.vote.slide, where.vote.activity).find((t) => t.wall === where.wall) : undefined;
  const cards = tally
    ? tally.cards.map((c) => ({ card: state.cards.get(c.id)!, dots: c.stickers, status: c.status }))
    : [...state.cards.values()].filter((c) => c.wall === where.wall && isVotableCard(state, c)).map((card) => ({ card, dots: 0, status: 'out' as const }));
  return cards.map(({ card, dots, status }) => {
    const clusters = clustersBehind(state, card.id);
    const placement = state.plan.placements.get(card.id);
    return {
      cardId: card.id,
      text: card.text,
      dots,
      status,
      groups: [...new Set(clusters.flatMap((c) => groupById(state, c.groupId)?.number ?? []))].sort((a, b) => a - b),
      standardIds: [...new Set(clusters.flatMap((c) => standardsOf(state, c)))],
      partnerRoles: clusters.map((c) => c.partnerRoles).filter((r) => r.trim() !== ''),
      placement: placement ? { subject: placement.subject, grades: placement.grades } : null,
      fields: state.plan.fields.get(card.id) ?? EMPTY_FIELDS,
      checklist: Object.fromEntries(state.plan.checklist.get(card.id) ?? []),
    };
  });
}

/** The continuum's rows: the subject areas of the school's standards (in its own words), then any other the facilitator typed. */
export function planSubjects(state: SessionState, deck: Deck): PlanPart['subjects'] {
  const subjects = new Map<string, TextByLanguage>();
  for (const standard of preparedStandards(state, deck)) {
    const label = Object.values(standard.subject).find((t) => t?.trim());
    if (label && !subjects.has(subjectKey(label))) subjects.set(subjectKey(label), standard.subject);
  }
  for (const placement of state.plan.placements.values()) {
    if (!subjects.has(subjectKey(placement.subject))) subjects.set(subjectKey(placement.subject), { [deck.languages[0]]: placement.subject });
  }
  return [...subjects].map(([key, label]) => ({ key, label }));
}

/** Partner organisations: as they named themselves in the introductions, then any other the plan names; each once. */
export function planOrganisations(state: SessionState, deck: Deck): string[] {
  const wall = planActivity(deck)?.partnersFrom;
  const named = wall ? [...state.cards.values()].filter((c) => c.wall === wall && !c.withdrawn && !c.hidden).map((c) => c.text) : [];
  const inPlan = [...state.plan.fields.values()].flatMap((f) => f.partners);
  const seen = new Map<string, string>();
  for (const name of [...named, ...inPlan]) {
    const clean = name.trim().replace(/\s+/g, ' ');
    if (clean && !seen.has(clean.toLowerCase())) seen.set(clean.toLowerCase(), clean);
  }
  return [...seen.values()];
}

/** The whole plan as the facilitators and the plan page see it. */
export function planPart(state: SessionState, deck: Deck): PlanPart {
  const where = strategiesWall(deck);
  return {
    voteSlide: where?.vote?.slide ?? null,
    revealed: where?.vote ? state.gallery.revealed.has(where.vote.slide) : false,
    grades: continuumActivity(deck)?.grades ?? [],
    subjects: planSubjects(state, deck),
    strategies: planStrategies(state, deck),
    meetingTimes: state.plan.meetingTimes,
    contact: state.plan.contact,
    organisations: planOrganisations(state, deck),
  };
}

/** The strategies on the continuum, the plan's rows: by subject area (in the continuum's order), then from the youngest grade. */
export function plannedStrategies(plan: PlanPart): PlanStrategy[] {
  const row = (s: PlanStrategy) => plan.subjects.findIndex((sub) => sub.key === subjectKey(s.placement!.subject));
  const column = (s: PlanStrategy) => Math.min(...s.placement!.grades.map((g) => plan.grades.indexOf(g)));
  return plan.strategies.filter((s) => s.placement).sort((a, b) => row(a) - row(b) || column(a) - column(b));
}

export { rootCardId };
