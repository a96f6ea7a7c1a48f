import { Hono } from 'hono';
import { RegExpRouter } from 'hono/router/reg-exp-router';
import type { AppDeps } from './http/app-deps.js';
import { AgreementPdfs } from './features/agreement/pdf/agreement-pdfs.js';
import type { AppEnv } from './http/app-env.js';
import { errorHandler, notFound } from './http/errors.js';
import { apiEnvelope } from './http/api-envelope.js';
import { compressAnswers } from './http/compress-answers.js';
import { neverShed } from './http/load-shedder.js';
import { securityHeadersFor, withHeaders } from './http/security-headers.js';
import { mountFeatureRoutes } from './features/routes.js';
import { decksRoutes } from './routes/decks.js';
import { exportsRoutes } from './routes/exports.js';
import { useServerCatalogs } from './i18n/server-words.js';
import { i18nRoutes } from './routes/i18n.js';
import { pagesRoutes } from './routes/pages.js';
import { sessionsRoutes } from './routes/sessions.js';
import { programsRoutes } from './routes/programs.js';
import { districtRoutes } from './routes/district.js';
import { streamRoutes } from './routes/stream.js';
import { imagesRoutes } from './features/preparation/preparation-routes.js';
import { ImageStore, MAX_IMAGE_BYTES } from './features/preparation/image-store.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Request bodies are small JSON; anything bigger is refused before it is read. */
export const MAX_BODY_BYTES = 16 * 1024;
const UPLOAD_PATH = /^\/api\/sessions\/[A-Za-z0-9]+\/preparation\/images$/;

export function createApp(given: AppDeps) {
  // One PDF service for the app: the agreement route renders through it and deleting a
  // session drops its cached PDFs at once.
  // Tests that give no image store get one in a temporary folder; the server gives DATA_DIR/images.
  const images = given.images ?? new ImageStore(mkdtempSync(join(tmpdir(), 'partnerdeck-images-')));
  const deps: AppDeps = { ...given, images, agreementPdfs: given.agreementPdfs ?? new AgreementPdfs(given.registry) };
  // The plan's and the report's words are read where those documents are made, deep in the features.
  useServerCatalogs(deps.catalogs);
  // The one-regular-expression router matches a request in a step, where the default
  // falls back to a slower tree walk as soon as one route's shape needs it. Routes must fit
  // it (no fixed name next to a parameter with more path after it); one that does not
  // fails every test at the first request.
  const app = new Hono<AppEnv>({ router: new RegExpRouter() });
  app.onError(errorHandler(deps.log));
  app.notFound(notFound);
  app.use(withHeaders(securityHeadersFor));
  // A slide image is the one body larger than a JSON request (checked by the route as it is read).
  app.use(
    '/api/*',
    apiEnvelope((path) => (UPLOAD_PATH.test(path) ? MAX_IMAGE_BYTES : MAX_BODY_BYTES), deps.log, deps.registry, deps.load ?? neverShed()),
  );
  app.use('*', compressAnswers());
  app.get('/healthz', (c) => c.json({ ok: true, sessions: deps.registry.all().length }));
  const core = app
    .route('/api/decks', decksRoutes(deps))
    .route('/api/sessions', sessionsRoutes(deps))
    .route('/api/programs', programsRoutes(deps))
    .route('/api/district', districtRoutes(deps))
    .route('/api/sessions/:code/stream', streamRoutes(deps))
    .route('/api/sessions/:code/exports', exportsRoutes(deps));
  // Each feature's sub-apps under /api/sessions/:code/ (server/features/index.ts lists them).
  const routes = mountFeatureRoutes(core, deps);
  app.route('/i18n', i18nRoutes(deps.catalogs));
  // Slide images uploaded in preparation, served from this origin.
  app.route('/images', imagesRoutes(images));
  if (deps.webDir) app.route('/', pagesRoutes({ ...deps, webDir: deps.webDir }));
  return routes;
}

export type AppType = ReturnType<typeof createApp>;
