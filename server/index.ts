import type { AddressInfo } from 'node:net';
import { ImageStore } from './features/preparation/image-store.js';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RollingFile } from 'pino-roll';
import { createApp } from './app.js';
import { ConfigError, instanceUrlFor, publicUrlFor, readConfig, type Config } from './config.js';
import { defaultDeck, loadDecks } from './deck/load-decks.js';
import { CatalogError, Catalogs } from './i18n/catalogs.js';
import { loadSeries } from './series/load-series.js';
import { PROGRAMS_NEED_EMBEDDED_STORE, ProgramRegistry } from './programs/program-registry.js';
import { DEFAULT_LIMITS } from './http/app-deps.js';
import { DEFAULT_LOAD_LIMITS, LoadShedder, processLoadSignals } from './http/load-shedder.js';
import { createNodeServer } from './http/node-server.js';
import { closeLogFiles, openLogFiles } from './ops/log-files.js';
import { OpsLog } from './ops/ops-log.js';
import { stopOnSignals } from './ops/shutdown.js';
import { SessionRegistry } from './runtime/session-registry.js';
import { clusterBanner, sessionsToShow, startupBanner } from './startup-banner.js';
import { DataFolderInUse } from './store/data-folder-lock.js';
import { EventStore } from './store/event-store.js';
import { KeyRing } from './store/key-ring.js';
import { SchemaTooNew } from './store/migrations.js';
import { OperatorKey } from './store/operator-key.js';
import type { PostgresStore } from './store/postgres-store.js';
import type { SessionStore } from './store/session-store.js';

/** Exit codes: 1 for what the operator must fix before a start; 70 (EX_SOFTWARE) for a failed commit. */
const EXIT_CANNOT_START = 1;
const EXIT_COMMIT_FAILED = 70;

/** Before the log is open, a reason not to start can only go to the terminal. */
function cannotStartWithoutLog(message: string): never {
  console.error(message);
  process.exit(EXIT_CANNOT_START);
}

let config: Config;
try {
  config = readConfig();
} catch (error) {
  if (error instanceof ConfigError) cannotStartWithoutLog(error.message);
  throw error;
}

let logFiles: RollingFile;
try {
  logFiles = await openLogFiles(config.log);
} catch (error) {
  cannotStartWithoutLog(`The log folder ${config.log.dir} cannot be written (${(error as Error).message}). Check that DATA_DIR is a folder this user may write to.`);
}
const log = OpsLog.to(logFiles, { level: config.log.level, onClose: () => closeLogFiles(logFiles) });

/** Stops the start with a message for the operator (terminal and log), never a stack trace. */
function cannotStart(message: string): never {
  log.problem('server.cannot_start', message, {});
  process.exit(EXIT_CANNOT_START);
}

if (!existsSync(join(config.webDir, 'join.html'))) {
  cannotStart(`The web pages are not built (${config.webDir}). Run "npm run build" or start with "npm start".`);
}
const decks = loadDecks(config.slidesDir);
let catalogs: Catalogs;
try {
  catalogs = Catalogs.load(config.localesDir);
} catch (error) {
  if (error instanceof CatalogError) cannotStart(error.message);
  throw error;
}
const series = loadSeries(config.slidesDir, decks);
const databaseFile = join(config.dataDir, 'partnerdeck.sqlite');

/**
 * The embedded SQLite store in the data folder, which it locks (a second server on the
 * same folder stops here, before it creates a key or reads a session), checked for damage.
 */
function openEmbeddedStore(): EventStore {
  let embedded: EventStore;
  try {
    embedded = new EventStore(config.dataDir);
  } catch (error) {
    if (error instanceof DataFolderInUse || error instanceof SchemaTooNew) cannotStart(error.message);
    cannotStart(`The database ${databaseFile} cannot be opened: ${(error as Error).message}. If it is damaged, restore the data folder from a backup, or move it aside to start with an empty one.`);
  }
  const damage = embedded.quickCheck();
  if (damage.length > 0) {
    log.problem(
      'database.damaged',
      [
        `The database ${databaseFile} is damaged. SQLite's quick check found:`,
        ...damage.map((line) => `  - ${line}`),
        'Every session that can still be read is served; a session that cannot is set aside and named below.',
        'When the workshop allows, stop the server, copy the data folder somewhere safe, and restore it from a backup if you have one.',
      ].join('\n'),
      { problems: damage },
    );
  }
  return embedded;
}

/** A Postgres database several instances share; the keys they must all know are shared through it. */
async function openSharedStore(url: string): Promise<PostgresStore> {
  // Loaded only here: a server on SQLite (the default) does not load the Postgres client.
  const [{ describeUrl, PostgresStore }, { shareKeys }] = await Promise.all([import('./store/postgres-store.js'), import('./cluster/shared-keys.js')]);
  let shared: PostgresStore;
  try {
    shared = await PostgresStore.open({ url });
  } catch (error) {
    if (error instanceof SchemaTooNew) cannotStart(error.message);
    cannotStart(`The database ${describeUrl(url)} cannot be used: ${(error as Error).message}. Check DATABASE_URL, and that Postgres is running and lets this user in.`);
  }
  try {
    await shareKeys(shared, config.dataDir);
  } catch (error) {
    cannotStart(`The keys every instance shares cannot be read from ${shared.where} or written to ${config.dataDir}: ${(error as Error).message}.`);
  }
  return shared;
}

const sharedStore = config.databaseUrl ? await openSharedStore(config.databaseUrl) : null;
const store: SessionStore = sharedStore ?? openEmbeddedStore();
// Each session set aside is reported (terminal and log) by the registry as it loads. With
// a shared database nothing is loaded now: each session is loaded by the instance that takes it.
let registry: SessionRegistry;
try {
  registry = new SessionRegistry(store, decks, log, { loadAtStart: sharedStore === null });
} catch (error) {
  cannotStart(`The list of sessions in ${databaseFile} cannot be read: ${(error as Error).message}. Restore the data folder from a backup, or move it aside to start with an empty one.`);
}
const cluster = sharedStore ? await Promise.all([import('./cluster/session-ownership.js'), import('./cluster/forward-to-owner.js')]) : null;
const ownership = sharedStore && cluster ? new cluster[0].SessionOwnership(sharedStore, registry, log) : null;
log.event('server.resumed', { resumed: registry.all().length, setAside: registry.setAside().length });
// The store never stops the process itself. A commit that fails leaves memory ahead of the
// disk; no answer for those writes has been sent, so stopping now and replaying the disk
// on restart loses nothing that anyone was told was saved.
store.onCommitFailure((error) => {
  const after = sharedStore ? 'another instance takes its sessions over and replays their logs' : 'a restart replays what is on disk';
  log.problem('commit.failed', `Could not commit to the event log (${error.message}). Stopping, so that ${after}.`, { error: error.message });
  process.exit(EXIT_COMMIT_FAILED);
});

const keys = new KeyRing(config.dataDir);
const operator = new OperatorKey(config.dataDir);
let publicUrl = config.publicUrl;
const limits = {
  ...DEFAULT_LIMITS,
  ...(config.addressRatePerSecond ? { addressPerSecond: config.addressRatePerSecond, addressBurst: config.addressRatePerSecond * 10 } : {}),
};
const sessionsElsewhere = sharedStore ? () => sharedStore.listSessionsWithSchools() : undefined;
// Refuses participants' work (503 with Retry-After) when the event loop falls behind, the
// heap nears its limit or too many requests are in flight, rather than queue until the
// process runs out of memory (server/http/load-shedder.ts).
const loadSignals = processLoadSignals();
const load = new LoadShedder(loadSignals, { ...DEFAULT_LOAD_LIMITS, ...(config.maxInFlight ? { maxInFlight: config.maxInFlight } : {}) });
const images = new ImageStore(config.dataDir);
// Programs (a school's run of a series) are kept in the embedded store only for now: with a
// shared database they would need the same ownership as sessions, which they do not have yet.
const programs = new ProgramRegistry(sharedStore ? null : (store as EventStore));
const app = createApp({ registry, keys, operator, decks, catalogs, series, programs, log, get publicUrl() { return publicUrl; }, webDir: config.webDir, limits, images, schoolName: config.schoolName, sessionsElsewhere, load });

// After a crash every phone in the room reconnects within a second or two. Node's default
// accept queue (511) overflows with a district-sized room, and a dropped connection is only
// retried by the phone's TCP stack seconds later; a deep queue lets them all in at once.
const LISTEN_BACKLOG = 4096;
// With request timeouts and per-address caps (see node-server.ts). With several instances,
// requests for a session another instance owns are forwarded there.
const fetch = ownership && cluster ? cluster[1].forwardToOwners(ownership, app.fetch) : app.fetch;
const server = createNodeServer(fetch, {
  hostname: config.host,
  uncapped: ownership ? (address) => ownership.isPeer(address) : undefined,
  limits: config.addressMaxConnections ? { maxConnectionsPerAddress: config.addressMaxConnections, maxArrivingPerAddress: Math.ceil(config.addressMaxConnections / 4) } : {},
});
server.listen({ port: config.port, host: config.host, backlog: LISTEN_BACKLOG }, async () => {
  const info = server.address() as AddressInfo;
  publicUrl = publicUrlFor(config, info.port);
  log.event('server.started', { port: info.port, host: config.host, dataDir: config.dataDir, publicUrl, version: packageVersion(), node: process.version });
  if (ownership && sharedStore) {
    const instanceUrl = instanceUrlFor(config, info.port);
    ownership.start(instanceUrl);
    console.log(clusterBanner({ port: info.port, dataDir: config.dataDir, publicUrl, operator, database: sharedStore.where, instanceUrl, instanceId: sharedStore.instanceId }));
    if (series.size > 0) console.log(PROGRAMS_NEED_EMBEDDED_STORE);
    console.log(`listening on ${info.port}`);
    return;
  }
  // The operator's own recent sessions are resumed; with none, the operator gets a fresh
  // session of the default deck, so `npm start` always ends with something to present.
  const recent = sessionsToShow(registry, operator, Date.now());
  const shown = recent.length > 0 ? recent : [await registry.create(defaultDeck(decks)!, config.schoolName, operator.startedByMark)];
  // The banner is for the person at the terminal (it carries the operator link): never the log.
  console.log(await startupBanner({ port: info.port, dataDir: config.dataDir, publicUrl, operator, keys, registry, shown, created: recent.length === 0 }));
  console.log(`listening on ${info.port}`);
});

// The heap's high-water mark and the refusals, logged as the server stops: the figures
// the heap limit of `npm start` was set from (README, "Capacity").
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => log.event('server.load', { heapPeakMb: loadSignals.peakHeapMb(), heapLimitMb: loadSignals.heapLimitMb(), refused: load.refused }));
}
stopOnSignals({ server, registry, store, log });

function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(import.meta.dirname, '../package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}
