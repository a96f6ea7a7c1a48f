/**
 * The parts of the live views that a session of a series adds (issue 15): what the
 * previous session handed over, the co-facilitators, attendance without names, and the
 * coach's fidelity checklist. Types only, shared by the server and the pages.
 */
import type { StakeholderGroup } from './parts.js';

/** One question the group put to leadership, with leadership's answer once recorded. */
export interface LeadershipQuestion {
  id: string;
  text: string;
  answer: { text: string; team: string; at: number } | null;
}

/** What one session hands to the next: shown at the next one's start ("since last time"). */
export interface CarriedOver {
  from: { number: number; code: string; title: Record<string, string> };
  /**
   * The group's walls, cards on show only (no authors), leadership walls apart. `title` is in
   * the previous deck's first language; `titles` in each of its languages (a projector for a
   * mixed room shows both; absent in a log written before it was carried).
   */
  walls: { id: string; title: string; titles?: Record<string, string>; cards: string[] }[];
  /** What each small group recorded in its round robin. */
  groupIdeas: string[];
  /** The Partnership Agreement, when the session built one. */
  agreement: { definition: string; agreements: string[]; examples: string[] } | null;
  /** The group agreements the series keeps: the latest session's agreements wall, else the ones carried before. */
  groupAgreements: string[];
  /** The feedback's means; each rating's `labels` in each of the previous deck's languages, as `titles` above. */
  feedback: { responses: number; ratings: { id: string; label: string; labels?: Record<string, string>; mean: number | null }[] };
  /** Reflections their authors chose to share, not hidden by a facilitator. */
  reflections: string[];
  /** The group's questions to leadership, and leadership's answers ("you asked, we answered"). */
  questions: LeadershipQuestion[];
  attendance: { people: number; returning: number };
}

export interface CoFacilitator {
  name: string;
  /** The co-facilitator's role in the model: `parent`, `teacher`… */
  role: string;
}

export interface SeriesPart {
  programId: string;
  seriesId: string;
  number: number;
  sessions: number;
  title: Record<string, string>;
  topic: Record<string, string> | null;
  model: 'single-building' | 'district-wide';
  carriedOver: CarriedOver | null;
}

export interface FacilitatorsPart {
  lead: CoFacilitator | null;
  support: CoFacilitator | null;
}

export interface AttendancePart {
  /** People who gave or received a returning code. */
  recorded: number;
  /** Of them, people who were at an earlier session of the program. */
  returning: number;
  /** People in the room by stakeholder group (everyone who joined). */
  byGroup: Partial<Record<StakeholderGroup, number>>;
}

export type FidelityMark = 'observed' | 'partly' | 'not-observed';

export interface FidelityItem {
  id: string;
  /** `slide`: a slide's facilitator steps; `activity`: an activity run as the deck says; `deck`: the deck's own item. */
  source: 'slide' | 'activity' | 'deck';
  slide: number | null;
  text: string;
  /** The facilitator steps behind the item (a slide's notes), for the coach to read. */
  steps: string[];
  mark: FidelityMark | null;
  comment: string;
}

export interface FidelityPart {
  items: FidelityItem[];
  /** Per cent of the marked items' points (observed 1, partly ½, not observed 0); null before any mark. */
  score: number | null;
  marked: number;
  notes: { id: string; text: string; at: number }[];
}

/** A phone's own returning code, once it has one. */
export interface MyAttendancePart {
  code: string;
  returning: boolean;
}
