import type { HonoBase } from 'hono/hono-base';
import type { ActivityKind, ActivityOf, Deck } from '../deck/deck-schema.js';
import type { MovePart, MyMovesPart, PhoneOwnParts, PhoneSharedParts, StaffParts } from '../contract/parts.js';
import type { EventType } from '../domain/events.js';
import type { OwnPartProducer, PartProducer } from '../domain/part-producer.js';
import type { Reducers } from '../domain/reducer.js';
import type { SessionState } from '../domain/session-state.js';
import type { AppDeps } from '../http/app-deps.js';
import type { AppEnv } from '../http/app-env.js';

/**
 * One feature of a workshop (a kind of activity, or a part of running one), in its own
 * folder under server/features/. The folder holds its events (merged into EventMap), its
 * slice of the session state (merged into SessionState), reducers, commands, the parts of
 * the live views it makes and its HTTP routes; this object tells the rest of the server
 * about them. Every field is optional: a feature has only what it needs.
 *
 * server/features/index.ts lists every feature, once. README, "Adding an activity kind",
 * says what a new one needs.
 */
export interface Feature {
  /** The folder's name. */
  readonly name: string;
  /** The deck's activity kinds this feature runs (server/deck/deck-schema.ts); each kind belongs to one feature. */
  readonly deckKinds?: readonly ActivityKind[];
  /** The feature's slice of the session state before any event. */
  readonly emptyState?: () => Partial<SessionState>;
  readonly reducers?: Reducers;
  /** Parts of the facilitators' view. */
  readonly staffProducers?: readonly PartProducer<Partial<StaffParts>>[];
  /** Parts every phone shares (made once, sent to every phone). */
  readonly phoneSharedProducers?: readonly PartProducer<Partial<PhoneSharedParts>>[];
  /** Parts only one phone sees. */
  readonly phoneOwnProducers?: readonly OwnPartProducer<Partial<PhoneOwnParts>>[];
  /**
   * The phone's shared `move` part on a slide of one of `deckKinds`: the room-wide state
   * of the move the slide runs. Null, or absent, for none.
   */
  readonly phoneMove?: (state: SessionState, deck: Deck, slide: number, activity: ActivityOf<ActivityKind>) => MovePart | null;
  /** This feature's fields of a phone's `myMoves` part (its own vote, reflection…), filled into `mine`. */
  readonly myMoves?: {
    readonly changesWith: readonly string[];
    fill(state: SessionState, deck: Deck, participantId: string, mine: MyMovesPart): void;
  };
  /**
   * Events a participant causes that change what other participants see of their own
   * (the turn order their group shares); the stream then rebuilds every phone's own parts.
   * Any other event a participant causes changes only that participant's own parts.
   */
  readonly seenByOthers?: readonly EventType[];
  /**
   * Events a phone shows at once from its write's answer (a sticker tap): their echo to
   * the person's own phones is paced (server/runtime/own-echo-pacing.ts).
   */
  readonly shownAtOnceByPhone?: readonly EventType[];
  /** Hono sub-apps, each mounted at `/api/sessions/:code/<path>`. */
  readonly routes?: readonly FeatureRoutes[];
}

export interface FeatureRoutes {
  readonly path: string;
  // The schema and paths stay open so each sub-app's own route types reach AppType.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any sub-app's schema and paths
  readonly routes: (deps: AppDeps) => HonoBase<AppEnv, any, any, any>;
}

/** Checks a feature and keeps its literal types (the route paths reach the typed client). */
export function defineFeature<const F extends Feature>(feature: F): F {
  return feature;
}
