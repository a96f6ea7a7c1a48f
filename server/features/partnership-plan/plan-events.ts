import type { ChecklistMark, PartnershipPlanFields } from '../../contract/parts.js';

/**
 * The process protocol's decisions after the vote (end of step 6, and step 7): where each
 * chosen strategy sits on the continuum of learning (subject area, grade levels), what
 * the Partnership Plan says of it, the plan's own fields, and the checklist the
 * partnership team keeps afterwards (steps 8–10). A strategy is named by its card on the
 * strategies wall.
 */
declare module '../../domain/events.js' {
  interface EventMap {
    /** `subject` as the facilitator gave it (the standards' subject areas are offered); `grades` from the continuum's, youngest first. */
    'continuum.placed': { cardId: string; subject: string; grades: string[] };
    'continuum.removed': { cardId: string };
    /** A strategy's plan fields, whole. */
    'plan.strategy-edited': { cardId: string; fields: PartnershipPlanFields };
    'plan.edited': { meetingTimes: string; contact: string };
    'plan.checklist-marked': { cardId: string; item: string; mark: ChecklistMark };
  }
}

export {};
