import type { ActivityOf, Deck } from '../../deck/deck-schema.js';
import type { StandardItem } from '../../deck/render-slide.js';
import type { StakeholderGroup } from '../../domain/events.js';
import type { SessionState } from '../../domain/session-state.js';
import { preparedField } from '../preparation/preparation-state.js';
import type { Side } from './mixed-grouping.js';

/**
 * Questions about the small groups that commands, views and the plan ask alike. Nothing
 * here writes.
 */

export type MixedGroupsActivity = ActivityOf<'mixed-groups'>;

/** The mixed-groups activity the groups come from: the slide they were made on, else the deck's first. */
export function mixedGroupsActivity(state: SessionState, deck: Deck): { slide: number; activity: MixedGroupsActivity } | null {
  const slide = state.groupWork.slide ?? deck.slides.find((s) => s.activity?.kind === 'mixed-groups')?.number;
  const activity = slide ? deck.slides[slide - 1]?.activity : null;
  return slide && activity?.kind === 'mixed-groups' ? { slide, activity } : null;
}

/** Which side of the partnership a stakeholder group is on, as the mixed-groups activity says. */
export function sideOf(activity: Pick<MixedGroupsActivity, 'staff' | 'partners'> | undefined, group: StakeholderGroup): Side {
  if (activity?.staff.includes(group)) return 'staff';
  if (activity?.partners.includes(group)) return 'partner';
  return 'other';
}

/** The learning standards the school prepared for the groups to pick from (empty until prepared). */
export function preparedStandards(state: SessionState, deck: Deck): StandardItem[] {
  const groups = mixedGroupsActivity(state, deck);
  return groups ? (preparedField(state, groups.activity.standards.field, 'standards')?.items ?? []) : [];
}

/** The deck's brainstorm activity: its helper tags and note length are those of every note. */
export function brainstormActivity(deck: Deck): ActivityOf<'brainstorm'> | null {
  return (deck.slides.find((s) => s.activity?.kind === 'brainstorm')?.activity as ActivityOf<'brainstorm'> | undefined) ?? null;
}

/** The deck's cluster-and-refine slide: where agreed activities are posted from, and the wall they go on. */
export function refineActivity(deck: Deck): { slide: number; activity: ActivityOf<'cluster-and-refine'> } | null {
  const slide = deck.slides.find((s) => s.activity?.kind === 'cluster-and-refine');
  return slide ? { slide: slide.number, activity: slide.activity as ActivityOf<'cluster-and-refine'> } : null;
}

/** A subject area as a key: the same words typed twice, or in another case, are one row of the continuum. */
export function subjectKey(subject: string): string {
  return subject.trim().replace(/\s+/g, ' ').toLowerCase();
}
