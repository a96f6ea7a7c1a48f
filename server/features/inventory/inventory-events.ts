import type { InventoryDecision, InventoryMark, OtherMark, PlanFields } from '../../contract/parts.js';

/** What the earlier inventory a session started from was: enough to name it on the screen. */
export interface PreviousInventory {
  code: string;
  sessionId: string;
  schoolName: string;
  startedAt: number;
  deckId: string;
}

/**
 * A decided item of an earlier inventory, as copied into a new session: a deck activity
 * (`text` null) or one of that team's own "other" activities (with its wording).
 */
export interface CarriedItem {
  item: string;
  strategy: string;
  text: string | null;
  decision: InventoryDecision;
  note: string;
  plan: PlanFields | null;
}

/**
 * The District Facilitation Inventory. Members answer each activity (✓, ☆ or neither) and
 * add their own "other" activities; the facilitators merge duplicate "other" activities,
 * record the team's decisions and fill in the Leadership Action Plan. A session may start
 * from an earlier one: its decided items and plan are copied in as one event.
 */
declare module '../../domain/events.js' {
  interface EventMap {
    /** `mark` null takes the answer back (the activity is unanswered again). */
    'inventory.marked': { participantId: string; activityId: string; mark: InventoryMark | null };
    /** `participantId` null: a facilitator typed it in for the team. */
    'inventory.other-added': { otherId: string; participantId: string | null; strategy: string; text: string; mark: OtherMark | null };
    'inventory.other-changed': { otherId: string; text: string; mark: OtherMark | null };
    'inventory.other-removed': { otherId: string };
    'inventory.other-merged': { otherId: string; intoId: string };
    'inventory.other-unmerged': { otherId: string };
    /** `decision` null takes the team's decision back. */
    'inventory.decided': { item: string; decision: InventoryDecision | null; note: string };
    /** The fields of one plan row that changed. */
    'inventory.plan-edited': { item: string; changes: Partial<PlanFields> };
    'inventory.carried-over': { from: PreviousInventory; items: CarriedItem[] };
  }
}

export {};
