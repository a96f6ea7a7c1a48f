/**
 * The gallery walk's view parts (server/domain/views/gallery-view.ts), kept by hand beside
 * the server's projections like view-types.ts.
 */
import type { WallTally } from '../../server/domain/tally.js';
import type { StakeholderGroup } from './view-types.js';

/** The tally's shapes are the server's own (server/domain/tally.ts): one definition, no drift. */
export type { CardStatus, TalliedCard, WallTally } from '../../server/domain/tally.js';

export interface GalleryProgressPart {
  slide: number;
  open: boolean;
  revealed: boolean;
  stickersPlaced: number;
  people: Record<string, number>;
  peopleDone: number;
  participants: number;
  stickersPerWall: number;
  maxPerCard: number;
}

export interface TalliesPart {
  slide: number;
  walls: WallTally[];
}

export interface EquityPart {
  revealed: boolean;
  groups: { group: StakeholderGroup | 'paper'; people: number; cards: number; stickers: number; topCards: number }[];
}

export interface AgreementPart {
  schoolName: string;
  agreements: string[];
  definition: string;
  examples: string[];
  date: string;
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

/** Phone parts. */
export interface PhoneGalleryPart {
  slide: number;
  open: boolean;
  revealed: boolean;
  walls: { id: string; cards: { id: string; text: string }[] }[];
}

export interface MyStickersPart {
  slide: number;
  left: Record<string, number>;
  stickers: { id: string; cardId: string; wall: string; hidden: boolean }[];
}

export interface AgreementNotePart {
  schoolName: string;
  nextMeeting: string;
}
