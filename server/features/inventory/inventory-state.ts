import type { InventoryDecision, InventoryDecisionEntry, InventoryMark, OtherMark, PlanFields, RollupOther } from '../../contract/parts.js';
import type { SessionState } from '../../domain/session-state.js';
import type { PreviousInventory } from './inventory-events.js';

/** One "other" activity: a member's own (or typed in by a facilitator, or brought from last year). */
export interface OtherActivity {
  id: string;
  strategy: string;
  /** Null when a facilitator typed it in, or when it came from last year's inventory. */
  participantId: string | null;
  text: string;
  mark: OtherMark | null;
  at: number;
  carried: boolean;
  removed: boolean;
}

export interface AnswerCounts {
  conducted: number;
  initiate: number;
  neither: number;
}

/** A merged group of "other" activities with its sums, as the roll-up shows it. */
export interface OtherGroup extends RollupOther {
  strategy: string;
}

export interface InventoryState {
  /** Participant → activity id → their answer. */
  marks: Map<string, Map<string, InventoryMark>>;
  /** Activity id → how many answered each way; kept by the reducers as answers come and change. */
  counts: Map<string, AnswerCounts>;
  /** Strategy id → participant → how many of its activities they answered. */
  answered: Map<string, Map<string, number>>;
  /** Strategy id → how many people answered every one of its activities. */
  done: Map<string, number>;
  /** Participant → how many activities they answered in all (the members are its keys). */
  answeredByPerson: Map<string, number>;
  others: Map<string, OtherActivity>;
  /** Participant → ids of the "other" activities they added, oldest first. */
  otherIdsByAuthor: Map<string, string[]>;
  /** A merged duplicate → the activity it joined (follow to the root). */
  mergedInto: Map<string, string>;
  /** Root "other" activity id → its group and sums, rebuilt by the reducers for its strategy on every change. */
  otherGroups: Map<string, OtherGroup>;
  /** Item (a deck activity id or a root "other" id) → the team's decision. */
  decisions: Map<string, InventoryDecisionEntry>;
  /** Item → its plan row's fields, kept when the decision changes (and back when it returns). */
  plan: Map<string, PlanFields>;
  /** The earlier inventory this session started from, and its decisions. */
  previous: { from: PreviousInventory; decisions: Map<string, InventoryDecision> } | null;
  /** The log position of the last change to what the plan shows (its PDF's version). */
  planSeq: number;
}

declare module '../../domain/session-state.js' {
  interface SessionState {
    inventory: InventoryState;
  }
}

export function emptyInventory(): { inventory: InventoryState } {
  return {
    inventory: {
      marks: new Map(),
      counts: new Map(),
      answered: new Map(),
      done: new Map(),
      answeredByPerson: new Map(),
      others: new Map(),
      otherIdsByAuthor: new Map(),
      mergedInto: new Map(),
      otherGroups: new Map(),
      decisions: new Map(),
      plan: new Map(),
      previous: null,
      planSeq: 0,
    },
  };
}

/** The root of a merged "other" activity (itself when it is not merged). */
export function rootOther(state: SessionState, otherId: string): string {
  let id = otherId;
  const seen = new Set<string>();
  while (state.inventory.mergedInto.has(id) && !seen.has(id)) {
    seen.add(id);
    id = state.inventory.mergedInto.get(id)!;
  }
  return id;
}

/** A plan row's fields before anyone fills them in. */
export function emptyPlanFields(): PlanFields {
  return { lead: '', start: '', due: '', resources: [], resourcesNote: '', documentation: '', status: 'not-started' };
}
