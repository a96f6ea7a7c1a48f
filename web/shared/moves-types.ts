/** The facilitation moves' view parts (server/domain/views/moves-view.ts), kept by hand. */
import type { StakeholderGroup } from './view-types.js';

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

export interface FeedbackSummary {
  slide: number;
  responses: number;
  scale: { min: number; max: number };
  ratings: { id: string; label: string; count: number; mean: number | null; distribution: number[] }[];
  comments: { id: string; label: string; answers: { text: string; group: StakeholderGroup | null }[] }[];
}

export interface SectionPace {
  id: string;
  title: string;
  plannedMs: number;
  approximate: boolean;
  closedMs: number;
  openSince: number | null;
  actualMs: number;
  status: 'done' | 'current' | 'upcoming';
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
