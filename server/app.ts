import { Hono } from 'hono';
import { RegExpRouter } from 'hono/router/reg-exp-router';
import { compress } from 'hono/compress';
import type { AppDeps } from './http/app-deps.js';
import { AgreementPdfs } from './agreement/agreement-pdfs.js';
import type { AppEnv } from './http/app-env.js';
import { errorHandler, notFound } from './http/errors.js';
import { apiEnvelope } from './http/api-envelope.js';
import { SECURITY_HEADERS, withHeaders } from './http/security-headers.js';
import { activitiesRoutes } from './routes/activities.js';
import { answersRoutes } from './routes/answers.js';
import { cardsRoutes } from './routes/cards.js';
import { stickersRoutes } from './routes/stickers.js';
import { galleryRoutes } from './routes/gallery.js';
import { reviseRoutes } from './routes/revise.js';
import { agreementRoutes } from './routes/agreement.js';
import { exportsRoutes } from './routes/exports.js';
import { timersRoutes } from './routes/timers.js';
import { blockPartyRoutes } from './routes/block-party.js';
import { lineupRoutes } from './routes/lineup.js';
import { roundRobinRoutes } from './routes/round-robin.js';
import { pollsRoutes } from './routes/polls.js';
import { reflectionsRoutes } from './routes/reflections.js';
import { feedbackRoutes } from './routes/feedback.js';
import { pacingRoutes } from './routes/pacing.js';
import { decksRoutes } from './routes/decks.js';
import { i18nRoutes } from './routes/i18n.js';
import { pagesRoutes } from './routes/pages.js';
import { participantsRoutes } from './routes/participants.js';
import { presentationRoutes } from './routes/presentation.js';
import { sessionsRoutes } from './routes/sessions.js';
import { streamRoutes } from './routes/stream.js';

/** Request bodies are small JSON; anything bigger is refused before it is read. */
export const MAX_BODY_BYTES = 16 * 1024;

export function createApp(given: AppDeps) {
  // One PDF service for the app: the agreement route renders through it and deleting a
  // session drops its cached PDFs at once.
  const deps: AppDeps = { ...given, agreementPdfs: given.agreementPdfs ?? new AgreementPdfs(given.registry) };
  // The one-regular-expression router matches a request in a step, where the default
  // falls back to a slower tree walk as soon as one route's shape needs it. Routes must fit
  // it (no fixed name next to a parameter with more path after it); one that does not
  // fails every test at the first request.
  const app = new Hono<AppEnv>({ router: new RegExpRouter() });
  app.onError(errorHandler(deps.log));
  app.notFound(notFound);
  app.use(withHeaders(SECURITY_HEADERS));
  app.use('/api/*', apiEnvelope(MAX_BODY_BYTES, deps.log));
  app.use('/assets/*', compress());
  app.use('/i18n/*', compress());
  app.get('/healthz', (c) => c.json({ ok: true, sessions: deps.registry.all().length }));
  const routes = app
    .route('/api/decks', decksRoutes(deps))
    .route('/api/sessions', sessionsRoutes(deps))
    .route('/api/sessions/:code/participants', participantsRoutes(deps))
    .route('/api/sessions/:code/stream', streamRoutes(deps))
    .route('/api/sessions/:code/presentation', presentationRoutes(deps))
    .route('/api/sessions/:code/activities', activitiesRoutes(deps))
    .route('/api/sessions/:code/answers', answersRoutes(deps))
    .route('/api/sessions/:code/cards', cardsRoutes(deps))
    .route('/api/sessions/:code/stickers', stickersRoutes(deps))
    .route('/api/sessions/:code/gallery', galleryRoutes(deps))
    .route('/api/sessions/:code/revise', reviseRoutes(deps))
    .route('/api/sessions/:code/agreement', agreementRoutes(deps))
    .route('/api/sessions/:code/exports', exportsRoutes(deps))
    .route('/api/sessions/:code/timers', timersRoutes(deps))
    .route('/api/sessions/:code/block-party', blockPartyRoutes(deps))
    .route('/api/sessions/:code/lineup', lineupRoutes(deps))
    .route('/api/sessions/:code/round-robin', roundRobinRoutes(deps))
    .route('/api/sessions/:code/polls', pollsRoutes(deps))
    .route('/api/sessions/:code/reflections', reflectionsRoutes(deps))
    .route('/api/sessions/:code/feedback', feedbackRoutes(deps))
    .route('/api/sessions/:code/pacing', pacingRoutes(deps));
  app.route('/i18n', i18nRoutes(deps.catalogs));
  if (deps.webDir) app.route('/', pagesRoutes({ ...deps, webDir: deps.webDir }));
  return routes;
}

export type AppType = ReturnType<typeof createApp>;
