import { defineFeature } from '../feature.js';
import { galleryReducers } from './gallery-reducers.js';
import { galleryRoutes } from './gallery-routes.js';
import { emptyGallery } from './gallery-state.js';
import { mergesPart, myStickersAlike, myStickersPart, myStickersSameAs, phoneGalleryPart, progressParts, talliesAndEquity } from './gallery-views.js';
import { stickersRoutes } from './stickers-routes.js';
import { WALL_LISTING_CHANGES_WITH } from './wall-pages.js';
import { wallPagesRoutes } from './wall-pages-routes.js';

/**
 * The gallery walk: dot voting with stickers on the walls' cards (a budget per wall, kept
 * by the server), live progress on the deck, merges of duplicate cards, paper cards and
 * stickers typed in by a facilitator, and the tallies when the facilitator reveals them.
 * Listed after the cards and the participants, whose events its running sums follow.
 */
export const galleryWalk = defineFeature({
  name: 'gallery-walk',
  deckKinds: ['gallery-walk'],
  emptyState: emptyGallery,
  reducers: galleryReducers,
  staffProducers: [
    { changesWith: ['sticker.', 'card.', 'participant.', 'gallery.', 'slide.', 'activity.', 'session.'], produce: progressParts },
    { changesWith: ['sticker.', 'card.', 'participant.', 'gallery.', 'tally.', 'slide.', 'session.'], produce: talliesAndEquity },
    { changesWith: ['card.'], produce: mergesPart },
  ],
  phoneSharedProducers: [{ changesWith: WALL_LISTING_CHANGES_WITH, produce: phoneGalleryPart }],
  phoneOwnProducers: [
    {
      changesWith: ['sticker.', 'card.', 'slide.', 'gallery.', 'activity.', 'session.'],
      produce: myStickersPart,
      alike: myStickersAlike,
      sameAs: myStickersSameAs,
    },
  ],
  // A phone shows its own tap at once from the write's answer.
  shownAtOnceByPhone: ['sticker.placed', 'sticker.removed'],
  routes: [
    { path: 'stickers', routes: stickersRoutes },
    { path: 'gallery', routes: galleryRoutes },
    { path: 'walls', routes: wallPagesRoutes },
  ],
});
