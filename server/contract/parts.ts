/**
 * Every part of every role's live view, by name: what the server's view producers must
 * return (each feature's views, in server/features/) and what the pages read (web/). A
 * producer that returns another shape, or a page that reads a field no producer makes,
 * fails `npm run typecheck`.
 *
 * Types and constants only. The deck's activities are imported as types: they are erased
 * when compiled, so this module has no run-time dependencies. The shapes the features also
 * use for their own work (the tally, the feedback summary, the pacing) are defined here,
 * and the features import them from here.
 */
import type { Activity, ActivityKind, ActivityOf, Deck, PlanText, Slide, Wall } from '../deck/deck-schema.js';
import type { FieldValue, StandardItem, TextByLanguage } from '../deck/render-slide.js';

export type { Activity, ActivityKind, ActivityOf, Deck, FieldValue, PlanText, Slide, StandardItem, TextByLanguage, Wall };

/**
 * A stakeholder group's id, as the session's deck declares its groups (`groups:` in its
 * header; Module 1's six are parent, teacher, classified, administrator, community and
 * student, and the district inventory has its own). Pages name them from the deck.
 */
export type StakeholderGroup = string;

/** A stakeholder group as the pages name it, in one language. */
export interface GroupName {
  id: StakeholderGroup;
  /** One person: "Parent or family". */
  name: string;
  /** The group: "Parents & families". */
  plural: string;
}
export type StaffRole = 'lead' | 'support';
import type { AttendancePart, FacilitatorsPart, FidelityPart, MyAttendancePart, SeriesPart } from './series-parts.js';
export type * from './series-parts.js';

/* ---------- parts both roles have, under the same name ---------- */

/** A slide's countdown, as server times: screens count down locally. */
export interface TimerPart {
  slide: number;
  /** The lead's label as typed, else the deck's for the slide in the view's language; '' for none. */
  label: string;
  /** A Block Party round's number: the screen words it ("Round 2", "Ronda 2"). */
  round: number | null;
  durationMs: number;
  running: boolean;
  /** Server time when a running timer reaches zero. */
  endsAt: number | null;
  remainingMs: number;
  ended: boolean;
}

/* ---------- the facilitators' parts ---------- */

export interface StaffSessionPart {
  code: string;
  schoolName: string;
  deckId: string;
  deckTitle: string;
  slide: number;
  slideCount: number;
  control: StaffRole;
  bannerVisible: boolean;
  closedSlides: number[];
  startedAt: number;
}

export interface RosterPart {
  total: number;
  byGroup: Record<StakeholderGroup, number>;
  people: { id: string; name: string; group: StakeholderGroup }[];
}

export interface StaffCard {
  id: string;
  wall: string;
  slide: number;
  text: string;
  hidden: boolean;
  paper: boolean;
  pairId: string | null;
  revisions: number;
  author: { name: string; group: StakeholderGroup } | null;
  at: number;
}

export interface StaffAnswer {
  id: string;
  slide: number;
  text: string;
  hidden: boolean;
  at: number;
}

export interface CloudEntry {
  text: string;
  count: number;
}

/** Where a card stands in its wall's tally (server/features/gallery-walk/tally.ts). */
export type CardStatus = 'top' | 'tie-chosen' | 'tie' | 'out';

export interface TalliedCard {
  id: string;
  text: string;
  stickers: number;
  paperStickers: number;
  rank: number;
  status: CardStatus;
  paper: boolean;
  /** Cards merged into this one (their authors and stickers count here). */
  merged: string[];
  authors: number;
}

export interface WallTally {
  wall: string;
  cut: number | null;
  cards: TalliedCard[];
  /** The tie at the cut, when there is one: which cards, how many seats, which the facilitator chose. */
  tie: { cardIds: string[]; seats: number; chosen: string[] } | null;
}

/** The closing feedback of one form, without names (server/features/feedback/feedback-summary.ts). */
export interface FeedbackSummary {
  slide: number;
  responses: number;
  scale: { min: number; max: number };
  ratings: { id: string; label: string; count: number; mean: number | null; distribution: number[] }[];
  comments: { id: string; label: string; answers: { text: string; group: StakeholderGroup | null }[] }[];
}

/** One section of the guide, planned against actual time (server/features/pacing/pacing.ts). */
export interface SectionPace {
  id: string;
  title: string;
  plannedMs: number;
  approximate: boolean;
  /** Time spent on the section's slides in visits that have ended. */
  closedMs: number;
  /** Start of the visit still going on (the deck is on one of its slides now), else null. */
  openSince: number | null;
  actualMs: number;
  status: 'done' | 'current' | 'upcoming';
}

export interface PacingSummary {
  asOf: number;
  /** When the workshop began (the lead's start, or the first move past the title slide); null: not yet, nothing counts. */
  startedAt: number | null;
  sections: SectionPace[];
  /** Positive: behind plan; negative: ahead. Whole milliseconds. */
  behindMs: number;
}

export interface GalleryProgressPart {
  slide: number;
  open: boolean;
  revealed: boolean;
  stickersPlaced: number;
  /** Per wall, how many people have placed all their stickers on it. */
  people: Record<string, number>;
  peopleDone: number;
  participants: number;
  stickersPerWall: number;
  maxPerCard: number;
  /** Per wall, the stickers a person can actually spend there: fewer than stickersPerWall when the wall has too few cards. */
  budgets: Record<string, number>;
}

export interface TalliesPart {
  slide: number;
  walls: WallTally[];
}

export interface EquityPart {
  revealed: boolean;
  groups: { group: StakeholderGroup | 'paper'; people: number; cards: number; stickers: number; topCards: number }[];
}

/** The Partnership Agreement's wording, as the facilitators edit or assemble it. */
export interface AgreementFields {
  schoolName: string;
  agreements: string[];
  definition: string;
  examples: string[];
  /** The agreement's date, yyyy-mm-dd. */
  date: string;
}

export interface AgreementPart extends AgreementFields {
  /**
   * "Copies at our next meeting on …": the session's one next meeting, as prepared (on the
   * preparation page or the notes view) and shown on slides 27–28 and the phones. ISO
   * (`2026-04-02`, `2026-04-02T18:30`), or text from an older log; each reader writes it
   * out in their own language. Empty while not set.
   */
  nextMeeting: string;
  groups: StakeholderGroup[];
  editedAt: number;
}

export interface PaperStickerInfo {
  id: string;
  cardId: string;
  wall: string;
  group: StakeholderGroup | null;
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
  /** `approved`: a facilitator let it onto the projector; the projector shows approved ones that are not hidden. */
  shared: { id: string; text: string; hidden: boolean; approved: boolean; at: number }[];
}

export type PacingPart = PacingSummary;

/* ---------- the process protocol (server/features/group-work/, server/features/partnership-plan/) ---------- */

/** Which side of a partnership a person is on, as the deck's mixed-groups activity says. */
export type PartnershipSide = 'staff' | 'partner' | 'other';

export interface BoardNote {
  id: string;
  standardId: string;
  text: string;
  helpers: string[];
  clusterId: string | null;
  /** Typed in by a facilitator from a paper note. */
  paper: boolean;
}

export interface BoardCluster {
  id: string;
  name: string;
  activity: string;
  partnerRoles: string;
  useful: boolean;
  realistic: boolean;
  /** Written, useful and realistic: it goes to the share-out and the vote. */
  agreed: boolean;
  /** Its card on the strategies wall while agreed. */
  cardId: string | null;
}

/** One small group's board: what its members' phones and the table's laptop show. */
export interface GroupBoard {
  id: string;
  number: number;
  members: { name: string; side: PartnershipSide; me: boolean }[];
  standardIds: string[];
  notes: (BoardNote & { mine: boolean })[];
  clusters: BoardCluster[];
}

export interface StaffWorkGroup {
  id: string;
  number: number;
  members: { id: string; name: string; group: StakeholderGroup; side: PartnershipSide }[];
  standardIds: string[];
  notes: BoardNote[];
  clusters: BoardCluster[];
}

export interface StaffGroupWork {
  /** The mixed-groups slide the groups were made on, or null before. */
  slide: number | null;
  groups: StaffWorkGroup[];
  /** People not in a group (they arrived after the groups were made). */
  ungrouped: StaffWorkGroup['members'];
  /** Share-out slide → the group on show. */
  sharing: Record<number, string>;
}

/** One strategy of the Partnership Plan: a voted activity, where it sits on the continuum, and what the plan says of it. */
export interface PlanStrategy {
  /** Its card on the strategies wall (merged duplicates count here). */
  cardId: string;
  text: string;
  dots: number;
  /** Where the tally ranks it: in the deck's top, tied at the cut, or below. */
  status: CardStatus;
  /** The groups (by number) whose agreed activity this is. */
  groups: number[];
  standardIds: string[];
  /** What each group would like each partner to do. */
  partnerRoles: string[];
  /** On the continuum: its subject area and grade levels; null until placed. */
  placement: { subject: string; grades: string[] } | null;
  fields: PartnershipPlanFields;
  /** Checklist item id → its mark. */
  checklist: Record<string, ChecklistMark>;
}

/** What the Partnership Plan says of one strategy (the inventory's plan rows are `PlanFields`). */
export interface PartnershipPlanFields {
  partners: string[];
  outcomes: string;
  monitoring: string;
  evaluation: string;
  improvement: string;
  costs: string;
  personnel: string;
}

export interface ChecklistMark {
  done: boolean;
  /** ISO date, or empty. */
  date: string;
  note: string;
}

/** The Partnership Plan as it stands: every voted strategy, the continuum, and the plan's own fields. */
export interface PlanPart {
  /** The voting slide, or null for a deck without one. */
  voteSlide: number | null;
  revealed: boolean;
  /** The continuum's columns (the deck's grade levels) and rows (the standards' subject areas, in the school's words). */
  grades: string[];
  subjects: { key: string; label: TextByLanguage }[];
  strategies: PlanStrategy[];
  meetingTimes: string;
  contact: string;
  /** Partner organisations named in the introductions or the plan, for the thank-you letters. */
  organisations: string[];
}
/* ---------- the District Facilitation Inventory (server/features/inventory/) ---------- */

/** A member's answer for one activity: ✓ conducted now, ☆ to initiate, or neither (a considered blank). */
export const INVENTORY_MARKS = ['conducted', 'initiate', 'neither'] as const;
export type InventoryMark = (typeof INVENTORY_MARKS)[number];
/** What an "other" activity a member adds is: conducted now or planned. */
export const OTHER_MARKS = ['conducted', 'initiate'] as const;
export type OtherMark = (typeof OTHER_MARKS)[number];

/** The team's decision on an activity; `initiate-this-year` puts it in the Leadership Action Plan. */
export const INVENTORY_DECISIONS = ['conducted', 'initiate-this-year', 'later', 'not-for-us'] as const;
export type InventoryDecision = (typeof INVENTORY_DECISIONS)[number];
export const PLAN_STATUSES = ['not-started', 'in-progress', 'done', 'on-hold'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** One row of the Leadership Action Plan as the team fills it in. Dates are ISO (`2025-09-01`) or empty. */
export interface PlanFields {
  lead: string;
  start: string;
  due: string;
  /** Ids of the deck's resource tags (time, staff, Title I funding…). */
  resources: string[];
  resourcesNote: string;
  documentation: string;
  status: PlanStatus;
}

/** One activity of a strategy in the roll-up, counted by the reducers. */
export interface RollupActivity {
  id: string;
  conducted: number;
  initiate: number;
  neither: number;
  /** Some marked ✓ and some who answered did not. */
  disagree: boolean;
}

/** The team's own "other" activities of a strategy, duplicates merged into the first. */
export interface RollupOther {
  /** The merged group's id (its first activity's). */
  id: string;
  /** The group's wordings, its own first; the facilitators see every wording merged into it. */
  texts: string[];
  /** Ids merged into it. */
  merged: string[];
  people: number;
  conducted: number;
  initiate: number;
  /** Brought from last year's inventory (no author this year). */
  carried: boolean;
}

export interface RollupStrategy {
  id: string;
  /** Members who answered at least one of its activities, and those who answered all. */
  started: number;
  done: number;
  activities: RollupActivity[];
  /** Activity ids in the order the room discusses them: disagreements first, then the most-starred. */
  order: string[];
  /** The activities with the most ☆ (ties included), at most three unless tied. */
  mostStarred: string[];
  others: RollupOther[];
}

export interface InventoryDecisionEntry {
  decision: InventoryDecision;
  note: string;
  at: number;
}

/** A row of the plan: an activity decided "to initiate this year", or an adopted "other" activity. */
export interface PlanRowPart extends PlanFields {
  item: string;
  strategy: string;
  /** Null for a deck activity (its words come from the deck); the wording of an "other" activity. */
  text: string | null;
  note: string;
}

/** What changed since the earlier inventory this session started from. */
export interface InventoryChangesPart {
  from: { code: string; schoolName: string; startedAt: number };
  newlyConducted: ChangedItem[];
  stillStarred: ChangedItem[];
  dropped: ChangedItem[];
}
export interface ChangedItem {
  item: string;
  strategy: string;
  /** Null for a deck activity; the wording of an "other" activity. */
  text: string | null;
  before: InventoryDecision;
  now: InventoryDecision | null;
}

export interface InventoryPart {
  /** People who answered anything. */
  members: number;
  strategies: RollupStrategy[];
  decisions: Record<string, InventoryDecisionEntry>;
  plan: PlanRowPart[];
  /** The earlier inventory's decisions, item → decision, when this one started from it. */
  previous: Record<string, InventoryDecision> | null;
  changes: InventoryChangesPart | null;
  /** Bumps when the district's terms change: pages fetch the inventory's words again. */
  wordsVersion: number;
}

/** The lead's and the support facilitator's view: everything in the session. */
export interface StaffParts {
  session: StaffSessionPart;
  roster: RosterPart;
  cards: StaffCard[];
  answers: StaffAnswer[];
  /** Per slide, the word cloud of its open answers. */
  clouds: Record<number, CloudEntry[]>;
  galleryProgress: GalleryProgressPart | null;
  /** Null until the facilitator reveals them, so the deck cannot show them early. */
  tallies: TalliesPart | null;
  /** Merged card id → the card it joined. */
  merges: Record<string, string>;
  paperStickers: PaperStickerInfo[];
  equity: EquityPart;
  agreement: AgreementPart;
  timer: TimerPart | null;
  /** Per Block Party slide, the round running. */
  rounds: Record<number, number>;
  lineup: StaffLineupPart | null;
  roundRobins: Record<number, StaffRoundRobin>;
  polls: Record<number, StaffPoll>;
  reflections: Record<number, StaffReflections>;
  feedback: FeedbackSummary[];
  pacing: PacingPart;
  /** Null for a deck without an inventory. */
  inventory: InventoryPart | null;
  /** A session of a series: its place in the series and what the previous session handed over; null for a stand-alone session. */
  series: SeriesPart | null;
  facilitators: FacilitatorsPart;
  attendance: AttendancePart;
  fidelity: FidelityPart;
  /** What the school prepared: the deck refetches its slides when `seq` moves. */
  preparation: PreparationPart;
  groupWork: StaffGroupWork;
  plan: PlanPart;
}

export interface PreparationPart {
  seq: number;
  fields: Record<string, FieldValue>;
  workshopDate: string;
  nextMeeting: string;
  futureDates: string[];
}

/* ---------- the phones' parts ---------- */

/** Every phone's `session` part: the workshop itself, which hardly ever changes (so a slide change does not send it again). */
export interface PhoneSessionPart {
  code: string;
  schoolName: string;
  deckTitle: string;
  slideCount: number;
  walls: Wall[];
  /** The language the deck's texts are in, here and in the `slide` part (the phone's, when the deck has it). */
  lang: string;
}

/**
 * Every phone's `slide` part: where the room is and what the slide asks. A slide change
 * sends this part, and only the other parts the slide changes: a few dozen bytes on a
 * slide without an activity, the same bytes for every phone.
 */
export interface PhoneSlidePart {
  slide: number;
  title: string;
  /** The current slide's activity, without a poll's answer key. */
  activity: Activity | null;
  open: boolean;
}

/**
 * The gallery walk on a phone: per wall, how many cards it lists, in how many pages, and a
 * tag that changes whenever its listing does. The cards are read a page at a time:
 * `GET /api/sessions/:code/walls/:wall/pages/:page` answers a WallPage.
 */
export interface PhoneGalleryPart {
  slide: number;
  open: boolean;
  revealed: boolean;
  /** Cards per page. */
  pageSize: number;
  walls: { id: string; cards: number; pages: number; tag: string }[];
}

/** One page of a wall's cards (no authors, no hidden or merged cards), in the order written. */
export interface WallPage {
  wall: string;
  page: number;
  cards: { id: string; text: string }[];
}

export interface AgreementNotePart {
  schoolName: string;
  /** The prepared next meeting and future dates, ISO (`2026-04-02`, `2026-04-02T18:30`), or empty. */
  nextMeetingDate: string;
  futureDates: string[];
}

/**
 * The phone's shared `move` part: the room-wide state of the current slide's move. Its
 * shape follows the current slide's activity kind (MoveByKind), which the phone reads
 * from its `slide` part.
 */
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
  /** Present once the facilitator reveals the results. */
  voters?: number;
  counts?: Record<string, number>;
}
/** A prepared field as a phone shows it: its label in the deck's language and the school's text in every language. */
export interface ProfileField {
  id: string;
  label: string;
  value: FieldValue | null;
}
export interface SchoolProfileMove {
  fields: ProfileField[];
}
export interface StandardsMove {
  /** The school's learning standards (picked by id). */
  standards: StandardItem[];
  min: number;
  max: number;
}
export interface ShareOutMove {
  /** Groups with agreed activities, and which of them is on show. */
  count: number;
  index: number;
  group: { id: string; number: number; standards: StandardItem[]; activities: { name: string; activity: string; partnerRoles: string }[] } | null;
}
/** On an inventory marking slide: the version of the inventory's words (fetch again when it changes). */
export interface InventoryMove {
  wordsVersion: number;
}
export interface MoveByKind {
  'block-party': BlockPartyMove;
  'round-robin': RoundRobinMove;
  poll: PollMove;
  'school-profile': SchoolProfileMove;
  'mixed-groups': StandardsMove;
  brainstorm: StandardsMove;
  'cluster-and-refine': StandardsMove;
  'share-out': ShareOutMove;
  inventory: InventoryMove;
}
export type MovePart = MoveByKind[keyof MoveByKind];

export interface OwnCard {
  id: string;
  wall: string;
  slide: number;
  text: string;
  pairId: string | null;
  hidden: boolean;
  /** The card's first wording (Activity 4 shows it beside the revision). */
  firstText: string;
}

export interface MePart {
  id: string;
  name: string;
  group: StakeholderGroup;
  cards: OwnCard[];
  answers: { id: string; slide: number; text: string }[];
}

export interface MyStickersPart {
  slide: number;
  left: Record<string, number>;
  /** Per wall, what this person can spend there (see GalleryProgressPart.budgets), so the phone can say why it is fewer. */
  budgets: Record<string, number>;
  stickers: { id: string; cardId: string; wall: string; hidden: boolean }[];
}

export interface MyGroup {
  number: number;
  members: { name: string; me: boolean }[];
  /** Per round-robin slide, this group's turn; `recorder` indexes `members` (-1: nobody yet). */
  roundRobins: Record<number, { turn: number; turnStartedAt: number; turnMs: number; recorder: number; notes: string }>;
}

export interface MyMovesPart {
  lineupAnswered: boolean;
  group: MyGroup | null;
  votes: Record<number, string[]>;
  reflections: Record<number, { text: string; shared: boolean }>;
  feedback: Record<number, { ratings: Record<string, number>; comments: Record<string, string> }>;
}

/** What every phone sees alike; made once per update and shared by every phone's stream. */
export interface PhoneSharedParts {
  session: PhoneSessionPart;
  slide: PhoneSlidePart;
  gallery: PhoneGalleryPart | null;
  agreementNote: AgreementNotePart | null;
  timer: TimerPart | null;
  move: MovePart | null;
}

/** A member's own inventory: their answers and their "other" activities. */
export interface MyInventoryPart {
  marks: Record<string, InventoryMark>;
  others: { id: string; strategy: string; text: string; mark: OtherMark | null }[];
}

/** A phone's small group in the process protocol. */
export interface MyGroupWorkPart {
  /** Whether the groups are made (a phone in none offers to join one). */
  grouped: boolean;
  group: GroupBoard | null;
}

/** What only this person sees: who they are and what they wrote, never anyone else's identity. */

export interface PhoneOwnParts {
  me: MePart | null;
  myStickers: MyStickersPart | null;
  myMoves: MyMovesPart;
  myGroupWork: MyGroupWorkPart;
  /** Null for a deck without an inventory. */
  myInventory: MyInventoryPart | null;
  myAttendance: MyAttendancePart | null;
}

export type PhoneParts = PhoneSharedParts & PhoneOwnParts;

/** Every part name of each map, listed once, so a test can check the producers make them all. */
export const STAFF_PART_NAMES = [
  'session',
  'roster',
  'cards',
  'answers',
  'clouds',
  'galleryProgress',
  'tallies',
  'merges',
  'paperStickers',
  'equity',
  'agreement',
  'timer',
  'rounds',
  'lineup',
  'roundRobins',
  'polls',
  'reflections',
  'feedback',
  'pacing',
  'inventory',
  'series',
  'facilitators',
  'attendance',
  'fidelity',
  'preparation',
  'groupWork',
  'plan',
] as const satisfies readonly (keyof StaffParts)[];
export const PHONE_SHARED_PART_NAMES = ['session', 'slide', 'gallery', 'agreementNote', 'timer', 'move'] as const satisfies readonly (keyof PhoneSharedParts)[];
export const PHONE_OWN_PART_NAMES = ['me', 'myStickers', 'myMoves', 'myGroupWork', 'myAttendance', 'myInventory'] as const satisfies readonly (keyof PhoneOwnParts)[];

/** Compile-time check that each list names every part of its map (an error here names the one missing). */
type Missing<Map, Names extends readonly PropertyKey[]> = Exclude<keyof Map, Names[number]>;
type MustBeNever<T extends never> = T;
export type _StaffNamesComplete = MustBeNever<Missing<StaffParts, typeof STAFF_PART_NAMES>>;
export type _PhoneSharedNamesComplete = MustBeNever<Missing<PhoneSharedParts, typeof PHONE_SHARED_PART_NAMES>>;
export type _PhoneOwnNamesComplete = MustBeNever<Missing<PhoneOwnParts, typeof PHONE_OWN_PART_NAMES>>;
