/**
 * The shapes of the view parts the server streams (server/domain/views). Kept by hand
 * beside the server's projections; the browser tests catch a drift.
 */
export type StakeholderGroup = 'parent' | 'teacher' | 'classified' | 'administrator' | 'community' | 'student';
export const STAKEHOLDER_GROUPS: StakeholderGroup[] = ['parent', 'teacher', 'classified', 'administrator', 'community', 'student'];

export interface WallInfo {
  id: string;
  title: string;
  sticker: { colour: string; name: string; shape: 'circle' | 'square' | 'triangle' | 'diamond' | 'star' };
}

/** A deck activity as the phone sees it; the fields depend on `kind`. */
export interface ActivityInfo {
  kind: string;
  [field: string]: unknown;
}

export interface PhoneSessionPart {
  code: string;
  schoolName: string;
  deckTitle: string;
  slide: number;
  slideCount: number;
  title: string;
  activity: ActivityInfo | null;
  open: boolean;
  walls: WallInfo[];
}

export interface OwnCard {
  id: string;
  wall: string;
  slide: number;
  text: string;
  pairId: string | null;
  hidden: boolean;
  firstText: string;
}

export interface MePart {
  id: string;
  name: string;
  group: StakeholderGroup;
  cards: OwnCard[];
  answers: { id: string; slide: number; text: string }[];
}

export interface StaffSessionPart {
  code: string;
  schoolName: string;
  deckId: string;
  deckTitle: string;
  slide: number;
  slideCount: number;
  control: 'lead' | 'support';
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

export interface DeckSlide {
  number: number;
  title: string;
  html: string;
  notesHtml: string;
  activity: ActivityInfo | null;
  sectionId: string | null;
}

export interface DeckInfo {
  id: string;
  title: string;
  minutes: number;
  sections: { id: string; title: string; minutes: number; slides: [number, number]; approximate: boolean }[];
  walls: WallInfo[];
  slides: DeckSlide[];
}
