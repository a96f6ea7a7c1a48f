import { Hono } from 'hono';
import QRCode from 'qrcode';
import { z } from 'zod';
import { defaultDeck } from '../deck/load-decks.js';
import { projectSlide } from '../deck/project-slide.js';
import { preparedValues } from '../features/preparation/preparation-state.js';
import type { AppDeps } from '../http/app-deps.js';
import type { AppEnv } from '../http/app-env.js';
import { errorBody } from '../http/errors.js';
import { sessionLinks } from '../http/links.js';
import { rateLimit } from '../http/rate-limit.js';
import { acceptOpId, requireOperator, requireRole, withSession } from '../http/session-access.js';
import { validate } from '../http/validate.js';
import { deckId as deckIdField, oneLineText } from '../http/fields.js';
import { clientAddress } from '../http/client-address.js';
import { deckIn, pickLanguage } from '../deck/deck-in-language.js';
import type { Operation, SessionRuntime } from '../runtime/session-runtime.js';
import { DomainError } from '../domain/domain-error.js';
import { deckWithTerms, groupNames } from '../features/terms/deck-with-terms.js';
import { carryOver, decidedItems } from '../features/inventory/carry-over.js';
import { inventoryIndex } from '../features/inventory/inventory-deck.js';

const createSession = z.strictObject({
  deckId: deckIdField.optional(),
  schoolName: oneLineText(120).optional(),
  /** An earlier inventory session to start from: its decisions and plan are copied in. */
  previousCode: z.string().regex(/^[A-Za-z0-9]{6}$/, 'is not a session code').optional(),
});

const CODE = /^[A-Za-z0-9]{6}$/;

/** The deck in one of its languages (`?lang=es`); a language it lacks gives its first. */
const deckQuery = z.strictObject({ lang: z.string().regex(/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/).optional() });

/**
 * Sessions: the operator starts, lists and deletes them; anyone with a code looks one up
 * and fetches its join QR code; its facilitators fetch its deck.
 */
export function sessionsRoutes(deps: AppDeps) {
  const { registry, keys, decks, operator } = deps;
  const session = withSession(registry);
  const operatorOnly = requireOperator(operator, keys, registry);
  const perAddress = rateLimit({
    name: 'per address',
    perSecond: deps.limits.addressPerSecond,
    burst: deps.limits.addressBurst,
    key: (c) => `session:${clientAddress(c)}`,
  });
  return new Hono<AppEnv>()
    .get('/', operatorOnly, async (c) => c.json({ sessions: [...sessionList(deps), ...(await servedElsewhere(deps))].sort((a, b) => b.startedAt - a.startedAt) }))
    .post('/', perAddress, operatorOnly, acceptOpId, validate('json', createSession), async (c) => {
      const { deckId, schoolName, previousCode } = c.req.valid('json');
      const op = c.get('opKey') as Operation | undefined;
      // A retry of a start (same Idempotency-Key, same body) gets the session the first one started.
      const { id, code } = await registry.startOnce(op && { key: op.key, digest: op.digest }, async (request) => {
        const deck = deckId ? decks.get(deckId) : defaultDeck(decks);
        if (!deck) throw new DomainError(404, 'unknown_deck', `There is no deck "${deckId ?? ''}".`);
        // Checked before anything is made, so a refused start leaves no half-made session.
        const previous = previousCode ? registry.get(previousCode) : undefined;
        if (previousCode && !previous) throw new DomainError(404, 'unknown_session', `There is no session with the code "${previousCode}" to start from.`);
        if (previous && (!inventoryIndex(deck) || !inventoryIndex(previous.runtime.deck))) {
          throw new DomainError(409, 'no_inventory', 'Only an inventory session can start from an earlier inventory session.');
        }
        const started = await registry.create(deck, (schoolName ?? '').trim() || (deps.schoolName ?? ''), operator.startedByMark, request);
        if (previous) {
          const from = previous.runtime;
          const origin = { code: from.code, sessionId: from.id, schoolName: from.state.schoolName, startedAt: from.state.startedAt, deckId: from.deck.id };
          started.runtime.execute({ role: 'system' }, undefined, (state) => carryOver(state, deck, origin, decidedItems(from.state, from.deck)));
        }
        return started;
      });
      const leadKey = keys.staffKey(id, 'lead');
      const supportKey = keys.staffKey(id, 'support');
      return c.json({ code, leadKey, supportKey, links: sessionLinks(deps.publicUrl, code, leadKey, supportKey) }, 201);
    })
    .get('/:code', session, (c) => c.json(publicSessionInfo(c.get('live').runtime, deps.publicUrl)))
    // The slides as the room sees them, in one of the deck's languages (`?lang=es`): with what
    // the school prepared and the district's terms filled in, and what is still unfilled.
    .get('/:code/deck', session, requireRole(keys, 'lead', 'support', 'coach'), validate('query', deckQuery), (c) => {
      const { deck, state } = c.get('live').runtime;
      const { lang } = c.req.valid('query');
      const shownLang = lang ? pickLanguage(deck, lang) : deck.lang;
      const shown = deckWithTerms(lang ? deckIn(deck, shownLang) : deck, state.terms);
      const values = { ...preparedValues(state), terms: state.terms };
      return c.json({
        ...shown,
        slides: shown.slides.map((slide) => {
          const projected = projectSlide(deck, slide.number, shownLang, values);
          return { ...slide, html: projected.html, unfilled: projected.unfilled };
        }),
      });
    })
    .get('/:code/qr.svg', session, async (c) => {
      const svg = await QRCode.toString(`${deps.publicUrl}/join/${c.get('live').runtime.code}`, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
      c.header('Cache-Control', 'public, max-age=3600');
      return c.body(svg, 200, { 'Content-Type': 'image/svg+xml' });
    })
    // The operator, not the lead: a session's records belong to whoever runs the server
    // (the school), and a set-aside session, which has no lead to act for it, can be
    // deleted too. The operator is asked before anything is looked up.
    .delete('/:code', operatorOnly, async (c) => {
      const code = c.req.param('code');
      const row = CODE.test(code) ? registry.row(code) : undefined;
      if (!row || !(await registry.delete(row.code))) return c.json(errorBody('unknown_session', `There is no session with the code "${code.slice(0, 12)}".`), 404);
      keys.forget(row.id);
      deps.agreementPdfs?.forgetDeleted();
      return c.json({ deleted: true });
    });
}

/** What anyone with a session's code may know of it: the school, the deck's title in each of its languages, the join link. */
export function publicSessionInfo(runtime: SessionRuntime, publicUrl: string) {
  const { deck } = runtime;
  return {
    code: runtime.code,
    schoolName: runtime.state.schoolName,
    deckTitle: deck.title,
    /** The deck's languages, its first (the fallback) first. */
    languages: deck.languages,
    deckTitles: Object.fromEntries(deck.languages.map((lang) => [lang, deckIn(deck, lang).title])) as Record<string, string>,
    joinUrl: `${publicUrl}/join/${runtime.code}`,
    /** The groups people join as, named in each of the deck's languages. */
    groups: deck.groups.map((g, i) => ({
      id: g.id,
      names: Object.fromEntries(deck.languages.map((lang) => [lang, groupNames(deck, lang, runtime.state.terms)[i].name])),
    })),
  };
}

/**
 * Every session on this server for the operator's start page, newest first: the loaded
 * ones with their facilitators' links, and the set-aside ones with the reason.
 */
function sessionList(deps: AppDeps) {
  const { registry, keys, operator } = deps;
  const loaded = registry.all().map(({ runtime }) => {
    const row = registry.row(runtime.code);
    const links = sessionLinks(deps.publicUrl, runtime.code, keys.staffKey(runtime.id, 'lead'), keys.staffKey(runtime.id, 'support'));
    return {
      code: runtime.code,
      schoolName: runtime.state.schoolName,
      deckTitle: runtime.deck.title,
      /** The deck's title in each of its languages, for a start page in another. */
      deckTitles: Object.fromEntries(runtime.deck.languages.map((lang) => [lang, deckIn(runtime.deck, lang).title])),
      deckId: runtime.deck.id,
      /** Its deck runs an inventory: a new inventory session can start from it. */
      inventory: inventoryIndex(runtime.deck) !== null,
      /** Its deck ends in a Partnership Plan (the process protocol): the start page links to its page. */
      partnershipPlan: runtime.deck.plan !== null,
      startedAt: row?.createdAt ?? runtime.state.startedAt,
      startedByOperator: row?.startedBy === operator.startedByMark,
      participants: runtime.state.participants.size,
      links,
      setAside: null as { problem: string; seq: number | null; deckId: string; reason: string } | null,
    };
  });
  const setAside = registry.setAside().map((row) => ({
    code: row.code,
    schoolName: '',
    deckTitle: deps.decks.get(row.deckId)?.title ?? row.deckId,
    deckTitles: {},
    deckId: row.deckId,
    inventory: false,
    partnershipPlan: false,
    startedAt: row.createdAt,
    startedByOperator: row.startedBy === operator.startedByMark,
    participants: null,
    links: null,
    setAside: { problem: row.problem, seq: row.seq, deckId: row.deckId, reason: row.reason },
  }));
  return [...loaded, ...setAside].sort((a, b) => b.startedAt - a.startedAt);
}

/**
 * With several instances, the sessions the others serve: their links work from here (the
 * keys are shared, and requests are forwarded to the owner); how many have joined is known
 * only to the owner, so it is left out.
 */
async function servedElsewhere(deps: AppDeps) {
  if (!deps.sessionsElsewhere) return [];
  const { registry, keys, operator } = deps;
  const rows = (await deps.sessionsElsewhere()).filter((row) => !registry.row(row.code));
  return rows.map((row) => ({
    code: row.code,
    schoolName: row.schoolName,
    deckTitle: deps.decks.get(row.deckId)?.title ?? row.deckId,
    deckTitles: {},
    deckId: row.deckId,
    inventory: false,
    // Served elsewhere, but its deck is known here: its plan page is reached through this server.
    partnershipPlan: (deps.decks.get(row.deckId)?.plan ?? null) !== null,
    startedAt: row.createdAt,
    startedByOperator: row.startedBy === operator.startedByMark,
    participants: null,
    links: sessionLinks(deps.publicUrl, row.code, keys.staffKey(row.id, 'lead'), keys.staffKey(row.id, 'support')),
    setAside: null,
  }));
}
