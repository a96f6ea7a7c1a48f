import { agreement } from './agreement/agreement-feature.js';
import { answers } from './answers/answers-feature.js';
import { blockParty } from './block-party/block-party-feature.js';
import { cards } from './cards/cards-feature.js';
import { feedback } from './feedback/feedback-feature.js';
import { inventory } from './inventory/inventory-feature.js';
import { galleryWalk } from './gallery-walk/gallery-walk-feature.js';
import { lineup } from './lineup/lineup-feature.js';
import { pacing } from './pacing/pacing-feature.js';
import { participants } from './participants/participants-feature.js';
import { poll } from './poll/poll-feature.js';
import { preparation } from './preparation/preparation-feature.js';
import { presentation } from './presentation/presentation-feature.js';
import { reflection } from './reflection/reflection-feature.js';
import { roundRobin } from './round-robin/round-robin-feature.js';
import { terms } from './terms/terms-feature.js';
import { timer } from './timer/timer-feature.js';
import { attendance } from './attendance/attendance-feature.js';
import { facilitators } from './facilitators/facilitators-feature.js';
import { fidelity } from './fidelity/fidelity-feature.js';
import { series } from './series/series-feature.js';

/**
 * Every feature of the server, once (see feature.ts; README, "Adding an activity kind").
 *
 * The order matters in one way only: for one event, reducers run in this order, so a
 * feature that follows another's events comes after it (the gallery walk after the cards
 * and the participants, the round robin after the line-up, the inventory after the terms). Views and routes do not depend
 * on it.
 */
export const FEATURES = [
  presentation,
  participants,
  answers,
  cards,
  timer,
  blockParty,
  lineup,
  roundRobin,
  poll,
  reflection,
  feedback,
  galleryWalk,
  agreement,
  pacing,
  preparation,
  facilitators,
  attendance,
  series,
  fidelity,
  terms,
  inventory,
] as const;
