import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { createApp } from './app.js';
import { publicUrlFor, readConfig } from './config.js';
import { loadDecks } from './deck/load-decks.js';
import { DEFAULT_LIMITS } from './http/app-deps.js';
import { sessionLinks } from './http/links.js';
import { createNodeServer } from './http/node-server.js';
import { SessionRegistry } from './runtime/session-registry.js';
import { EventStore } from './store/event-store.js';
import { KeyRing } from './store/key-ring.js';

/** A session started within this many hours is resumed at start-up rather than replaced. */
const RESUME_WITHIN_HOURS = 12;

const config = readConfig();
if (!existsSync(join(config.webDir, 'join.html'))) {
  console.error(`The web pages are not built (${config.webDir}). Run "npm run build" or start with "npm start".`);
  process.exit(1);
}
const decks = loadDecks(config.slidesDir);
const store = new EventStore(config.dataDir);
const keys = new KeyRing(config.dataDir);
const registry = new SessionRegistry(store, decks);
let publicUrl = config.publicUrl;
const limits = {
  ...DEFAULT_LIMITS,
  ...(process.env.ADDRESS_RATE_PER_SECOND ? { addressPerSecond: Number(process.env.ADDRESS_RATE_PER_SECOND), addressBurst: Number(process.env.ADDRESS_RATE_PER_SECOND) * 10 } : {}),
};
const app = createApp({ registry, keys, decks, get publicUrl() { return publicUrl; }, webDir: config.webDir, limits });

// After a crash every phone in the room reconnects within a second or two. Node's default
// accept queue (511) overflows with a district-sized room, and a dropped connection is only
// retried by the phone's TCP stack seconds later; a deep queue lets them all in at once.
const LISTEN_BACKLOG = 4096;
// With request timeouts and per-address caps (see node-server.ts).
const server = createNodeServer(app.fetch, { hostname: config.host });
server.listen({ port: config.port, host: config.host, backlog: LISTEN_BACKLOG }, async () => {
  const info = server.address() as AddressInfo;
  publicUrl = publicUrlFor(config, info.port);
  const recent = registry.all().filter((s) => s.runtime.state.startedAt > Date.now() - RESUME_WITHIN_HOURS * 3600_000).at(-1);
  const live = recent ?? registry.create(decks.get('module-1') ?? decks.values().next().value!, '');
  const { id, code } = live.runtime;
  const links = sessionLinks(publicUrl, code, keys.staffKey(id, 'lead'), keys.staffKey(id, 'support'));
  const qr = await QRCode.toString(links.join, { type: 'terminal', small: true });
  console.log(`
Partnerdeck is running on port ${info.port} (data in ${config.dataDir}).
${recent ? 'Resuming' : 'New'} session ${code}: ${live.runtime.deck.title}

  Presenter (lead facilitator):   ${links.present}
  Notes view (support):           ${links.notes}
  Participants join:              ${links.join}   code ${code}
  Start another session:          ${publicUrl}/

${qr}
Keep the presenter and notes links private: they carry the facilitators' keys.
`);
  console.log(`listening on ${info.port}`);
});

function shutdown() {
  for (const live of registry.all()) live.hub.closeAll();
  server.close();
  store.close();
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
