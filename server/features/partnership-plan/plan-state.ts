import type { ChecklistMark, PartnershipPlanFields } from '../../contract/parts.js';

export interface PlanState {
  /** Card id → where the strategy sits on the continuum. */
  placements: Map<string, { subject: string; grades: string[]; at: number }>;
  /** Card id → what the plan says of the strategy. */
  fields: Map<string, PartnershipPlanFields>;
  meetingTimes: string;
  contact: string;
  /** Card id → checklist item → its mark. */
  checklist: Map<string, Map<string, ChecklistMark>>;
  /**
   * The log position of the last event that changed what the plan shows (its own
   * events, and the strategies' cards, dots, groups and standards): the PDF's version.
   */
  contentSeq: number;
}

declare module '../../domain/session-state.js' {
  interface SessionState {
    /** The continuum of learning and the Partnership Plan. */
    plan: PlanState;
  }
}

export function emptyPlan(): { plan: PlanState } {
  return { plan: { placements: new Map(), fields: new Map(), meetingTimes: '', contact: '', checklist: new Map(), contentSeq: 0 } };
}

export const EMPTY_FIELDS: PartnershipPlanFields = { partners: [], outcomes: '', monitoring: '', evaluation: '', improvement: '', costs: '', personnel: '' };
