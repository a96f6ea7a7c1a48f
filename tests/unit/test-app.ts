import { mkdtempSync } from 'node:fs';
import { ImageStore } from '../../server/features/preparation/image-store.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AgreementPdfs, type AgreementPdfsOptions } from '../../server/features/agreement/pdf/agreement-pdfs.js';
import { createApp } from '../../server/app.js';
import { loadDecks } from '../../server/deck/load-decks.js';
import { Catalogs } from '../../server/i18n/catalogs.js';
import { loadSeries } from '../../server/series/load-series.js';
import { ProgramRegistry } from '../../server/programs/program-registry.js';
import { DEFAULT_LIMITS, type AppDeps } from '../../server/http/app-deps.js';
import { OpsLog } from '../../server/ops/ops-log.js';
import { SessionRegistry } from '../../server/runtime/session-registry.js';
import { EventStore } from '../../server/store/event-store.js';
import { KeyRing } from '../../server/store/key-ring.js';
import { OperatorKey } from '../../server/store/operator-key.js';

export const SLIDES_DIR = join(import.meta.dirname, '../../slides');
export const LOCALES_DIR = join(import.meta.dirname, '../../locales');

let opCounter = 0;
/** A fresh client-made operation id, as a phone would make one. */
export function opId(): string {
  return `op-${Date.now().toString(36)}-${(opCounter++).toString(36)}`;
}

/**
 * The real app over a fresh data folder, driven through app.request(). `restart()` opens a
 * second app on the same folder, as a server restart would.
 */
export function testApp(options: { dataDir?: string; limits?: Partial<AppDeps['limits']>; agreementPdfs?: AgreementPdfsOptions; load?: AppDeps['load']; webDir?: string } = {}) {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'partnerdeck-test-'));
  const decks = loadDecks(SLIDES_DIR);
  const series = loadSeries(SLIDES_DIR, decks);
  const store = new EventStore(dataDir);
  const keys = new KeyRing(dataDir);
  const operator = new OperatorKey(dataDir);
  // The operations log is kept in memory: `logLines()` gives what the server wrote.
  const { log, lines: logLines } = OpsLog.memory();
  const registry = new SessionRegistry(store, decks, log);
  const programs = new ProgramRegistry(store);
  // Quiet: the server's line per rendered PDF is for an operator's terminal, not test output.
  const agreementPdfs = new AgreementPdfs(registry, { log: () => {}, ...options.agreementPdfs });
  const app = createApp({ registry, keys, operator, decks, catalogs: Catalogs.load(LOCALES_DIR), series, programs, log, publicUrl: 'http://partnerdeck.test', limits: { ...DEFAULT_LIMITS, ...options.limits }, agreementPdfs, images: new ImageStore(dataDir), load: options.load, webDir: options.webDir });

  async function call(method: string, path: string, init: { body?: unknown; key?: string; op?: string | false; raw?: string; headers?: Record<string, string> } = {}) {
    const headers: Record<string, string> = { ...init.headers };
    if (init.body !== undefined || init.raw !== undefined) headers['content-type'] = 'application/json';
    if (init.key) headers.authorization = `Bearer ${init.key}`;
    if (init.op !== false && method !== 'GET') headers['idempotency-key'] = init.op ?? opId();
    const res = await app.request(path, { method, headers, body: init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body)) });
    const text = await res.text();
    let json: any = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = text;
    }
    return { status: res.status, json, headers: res.headers };
  }

  /** Starts a session (of Module 1 unless `deckId` names another deck) as the operator and returns its code and facilitator keys. */
  async function startSession(schoolName = 'Lincoln Elementary', deckId?: string) {
    const { json } = await call('POST', '/api/sessions', { key: operator.value, body: deckId ? { schoolName, deckId } : { schoolName } });
    return json as { code: string; leadKey: string; supportKey: string };
  }

  async function joinAs(code: string, name: string, group = 'parent') {
    const { json } = await call('POST', `/api/sessions/${code}/participants`, { body: { name, group } });
    return json as { participantId: string; token: string };
  }

  async function showSlide(code: string, leadKey: string, slide: number) {
    return call('PUT', `/api/sessions/${code}/presentation/slide`, { key: leadKey, body: { slide } });
  }

  return {
    app,
    dataDir,
    registry,
    programs,
    store,
    keys,
    log,
    logLines,
    /** The server's operator key (what the start page link carries). */
    operatorKey: operator.value,
    call,
    startSession,
    joinAs,
    showSlide,
    agreementPdfs,
    restart: () => {
      store.close();
      void agreementPdfs.close();
      return testApp({ ...options, dataDir });
    },
    close: () => {
      store.close();
      void agreementPdfs.close();
    },
  };
}
