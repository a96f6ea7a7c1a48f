import type { StakeholderGroup } from './events.js';
import type { AgreementFields } from './events/gallery-events.js';

/** One sticker on one card; removing it deletes it from the projection (the log keeps it). */
export interface Sticker {
  id: string;
  participantId: string | null;
  cardId: string;
  wall: string;
  slide: number;
  paper: boolean;
  group: StakeholderGroup | null;
  at: number;
}

/** The gallery walk's projection; reducers in reducers/gallery-reducers.ts write it. */
export interface GalleryState {
  stickers: Map<string, Sticker>;
  /** Each participant's stickers by id, so a budget check reads one person's stickers, not the room's. */
  stickersByParticipant: Map<string, Map<string, Sticker>>;
  /** Bumped whenever a participant's stickers change, so per-person summaries can be cached. */
  participantVersions: Map<string, number>;
  /** Whose stickers changed, one entry per sticker event, in log order (for incremental progress). */
  changedParticipants: string[];
  /** Paper stickers' ids (they have no participant), so views need not scan every sticker. */
  paperStickerIds: Set<string>;
  /** A merged duplicate's id → the card it joined. */
  mergedInto: Map<string, string>;
  /** Gallery-walk slides whose tallies the facilitator has revealed. */
  revealed: Set<number>;
  /** `${slide}:${wall}` → the tied cards the facilitator takes at the cut. */
  cutChoices: Map<string, string[]>;
  /** A paper card's stakeholder group, where the facilitator gave one. */
  paperGroups: Map<string, StakeholderGroup>;
  agreement: AgreementFields;
  /** When the agreement was last edited (0: never). */
  agreementEditedAt: number;
}

export function emptyGallery(): GalleryState {
  return {
    stickers: new Map(),
    stickersByParticipant: new Map(),
    participantVersions: new Map(),
    changedParticipants: [],
    paperStickerIds: new Set(),
    mergedInto: new Map(),
    revealed: new Set(),
    cutChoices: new Map(),
    paperGroups: new Map(),
    agreement: { schoolName: '', agreements: [], definition: '', examples: [], date: '', nextMeeting: '' },
    agreementEditedAt: 0,
  };
}
