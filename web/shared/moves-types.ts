/** The facilitation moves' view parts (server/domain/views/moves-view.ts), kept by hand. */
import type { FeedbackSummary } from '../../server/domain/feedback-summary.js';
import type { SectionPace } from '../../server/domain/pacing.js';
import type { StakeholderGroup } from './view-types.js';

/** Shapes the server defines once (server/domain/feedback-summary.ts, pacing.ts). */
export type { FeedbackSummary, SectionPace };

export interface TimerPart {
  slide: number;
  label: string;
  durationMs: number;
  running: boolean;
  /** Server time when a running timer reaches zero. */
  endsAt: number | null;
  remainingMs: number;
  ended: boolean;
}

export interface StaffLineupPart {
  slide: number;
  answered: number;
  groups: { number: number; members: { id: string; name: string; group: StakeholderGroup | null }[] }[] | null;
}

export interface StaffRoundRobin {
  slide: number;
  startedAt: number;
  turnMs: number;
  groups: { number: number; members: string[]; turn: number; turnStartedAt: number; recorder: string | null; notes: string; notesAt: number }[];
}

export interface StaffPoll {
  slide: number;
  revealed: boolean;
  voters: number;
  counts: Record<string, number>;
}

export interface StaffReflections {
  slide: number;
  written: number;
  shared: { id: string; text: string; hidden: boolean; at: number }[];
}

export interface PacingPart {
  asOf: number;
  sections: SectionPace[];
  behindMs: number;
}

/** The phone's shared `move` part for the current slide, by kind. */
export interface BlockPartyMove {
  round: number;
  prompt: string;
  lineup: 'none' | 'open' | 'grouped';
  groupCount: number;
}
export interface RoundRobinMove {
  started: boolean;
  grouped: boolean;
}
export interface PollMove {
  revealed: boolean;
  voters?: number;
  counts?: Record<string, number>;
}

export interface MyGroup {
  number: number;
  members: { name: string; me: boolean }[];
  roundRobins: Record<string, { turn: number; turnStartedAt: number; turnMs: number; recorder: number; notes: string }>;
}

export interface MyMovesPart {
  lineupAnswered: boolean;
  group: MyGroup | null;
  votes: Record<string, string[]>;
  reflections: Record<string, { text: string; shared: boolean }>;
  feedback: Record<string, { ratings: Record<string, number>; comments: Record<string, string> }>;
}
