import type { AgreementPdfs } from '../features/agreement/pdf/agreement-pdfs.js';
import type { Deck } from '../deck/deck-schema.js';
import type { Catalogs } from '../i18n/catalogs.js';
import type { OpsLog } from '../ops/ops-log.js';
import type { SessionRegistry } from '../runtime/session-registry.js';
import type { KeyRing } from '../store/key-ring.js';
import type { LoadShedder } from './load-shedder.js';
import type { ProgramRegistry } from '../programs/program-registry.js';
import type { Series } from '../series/series-schema.js';
import type { OperatorKey } from '../store/operator-key.js';
import type { SessionRow } from '../store/session-store.js';
import type { ImageStore } from '../features/preparation/image-store.js';

export interface AppDeps {
  registry: SessionRegistry;
  keys: KeyRing;
  /** Whoever runs the server: alone starts, lists and deletes sessions. */
  operator: OperatorKey;
  decks: Map<string, Deck>;
  /** The pages' message catalogs (LOCALES_DIR), for the pages, GET /i18n and the agreement PDF. */
  catalogs: Catalogs;
  /** The series in `slides/` (`*.series.yaml`), by id. */
  series: Map<string, Series>;
  /** Every school's run of a series. */
  programs: ProgramRegistry;
  /** The operations log (JSON lines in DATA_DIR/logs; memory in tests). */
  log: OpsLog;
  /** Where phones reach this server: PUBLIC_URL, or this machine's address on the local network. */
  publicUrl: string;
  /** The built web pages (vite's output); absent in unit tests of the API. */
  webDir?: string;
  limits: {
    /** Writes per second a participant may make, sustained, and in a burst. */
    participantPerSecond: number;
    participantBurst: number;
    /** Unauthenticated requests (joining, starting a session) per address. */
    addressPerSecond: number;
    addressBurst: number;
  };
  /** Refuses participants' work when the server cannot keep up (load-shedder.ts); never refuses when absent. */
  load?: LoadShedder;
  /** The agreement's PDF renderer and cache; the agreement routes make their own when absent. */
  agreementPdfs?: AgreementPdfs;
  /**
   * With several instances on one database: the sessions other instances serve, for the
   * operator's list (each with the school name it was started with).
   */
  sessionsElsewhere?: () => Promise<(SessionRow & { schoolName: string })[]>;
  /** Slide images uploaded in preparation (DATA_DIR/images); a temporary folder when absent (tests). */
  images?: ImageStore;
  /** The school's name a session starts with when the start page gives none (SCHOOL_NAME, --school). */
  schoolName?: string;
}

/**
 * Joins and session starts per address: a room of 2,000 phones behind one school's NAT
 * address joins within about 30 s (500 at once, then 50 a second); at 20 a second (bursts
 * of 200) its last phones waited 90 s. One participant's flood of writes is stopped by the
 * per-participant limit, whatever its address.
 */
export const DEFAULT_LIMITS: AppDeps['limits'] = {
  participantPerSecond: 10,
  participantBurst: 40,
  addressPerSecond: 50,
  addressBurst: 500,
};
