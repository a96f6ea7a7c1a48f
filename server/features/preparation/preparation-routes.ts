import { Hono } from 'hono';
import { z } from 'zod';
import { fieldValueSchema } from '../../deck/project-slide.js';
import type { AppDeps } from '../../http/app-deps.js';
import type { AppEnv } from '../../http/app-env.js';
import { errorBody } from '../../http/errors.js';
import { requireOpId, requireRole, withSession } from '../../http/session-access.js';
import { validate } from '../../http/validate.js';
import { imagePath, MAX_IMAGE_BYTES, sniffImage, type ImageStore } from './image-store.js';
import { setField, setValues } from './preparation-commands.js';
import './preparation-state.js';

const fieldParam = z.object({ fieldId: z.string().regex(/^[a-z][a-z0-9-]{0,79}$/) });

/** A date as the preparation page's date input sends it (`2026-03-12`, optionally with `T18:00`), or '' to clear it. */
const isoDate = z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/, 'a date is YYYY-MM-DD, optionally with THH:MM')]);
const values = z.strictObject({
  schoolName: z.string().trim().max(120).optional(),
  workshopDate: isoDate.optional(),
  nextMeeting: isoDate.optional(),
  futureDates: z.array(isoDate.refine((d) => d !== '', 'an empty date')).max(12).optional(),
});

/**
 * Preparing the workshop, for its facilitators: the deck's customisable fields with what
 * has been filled in, the school's name and dates, and changes to each. A field's value
 * is checked against the session's own deck (its languages, the field's kind) inside the
 * route, since it depends on the deck. Images are uploaded on their own (raw PNG or JPEG
 * bytes, checked by content and size), then named in an image field by the path returned.
 */
export function preparationRoutes({ registry, keys, images }: AppDeps) {
  return new Hono<AppEnv>()
    .use(withSession(registry), requireRole(keys, 'lead', 'support'))
    .get('/', (c) => {
      const { runtime } = c.get('live');
      const { deck, state } = runtime;
      const fields = deck.slides.flatMap((s) => s.customisable.map((f) => ({ ...f, slide: s.number, slideTitle: s.title })));
      return c.json({
        languages: deck.languages,
        fields,
        filled: Object.fromEntries(state.preparation.fields),
        values: { schoolName: state.schoolName, ...state.preparation.dates },
        seq: state.preparation.seq,
      });
    })
    .put('/values', requireOpId, validate('json', values), (c) => {
      const { runtime } = c.get('live');
      const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (state) => setValues(state, c.req.valid('json')));
      return c.json(response);
    })
    .put('/fields/:fieldId', requireOpId, validate('param', fieldParam), validate('json', z.strictObject({ value: z.unknown() })), (c) => {
      const { runtime } = c.get('live');
      const parsed = z.union([z.null(), fieldValueSchema(runtime.deck)]).safeParse(c.req.valid('json').value);
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => ({ path: ['value', ...i.path].join('.'), message: i.message }));
        return c.json(errorBody('invalid', `Invalid json: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues), 400);
      }
      const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (state) => setField(state, runtime.deck, c.req.valid('param').fieldId, parsed.data));
      return c.json(response);
    })
    .post('/images', async (c) => {
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      if (bytes.byteLength > MAX_IMAGE_BYTES) return c.json(errorBody('too_large', `An image may be at most ${MAX_IMAGE_BYTES / 1024 / 1024} MB.`), 413);
      // By content, not by the type claimed: an SVG or a page named .png is refused.
      if (!sniffImage(bytes)) return c.json(errorBody('not_an_image', 'Only PNG and JPEG images can be used on a slide.'), 415);
      // createApp always gives one (a temporary folder in tests).
      const { name } = images!.save(bytes);
      return c.json({ src: imagePath(name) }, 201);
    });
}

/** The uploaded images, served from this server to the slides (public: each name is the hash of its bytes, unguessable). */
export function imagesRoutes(images: ImageStore) {
  return new Hono<AppEnv>().get('/:name', (c) => {
    const image = images.read(c.req.param('name'));
    if (!image) return c.json(errorBody('not_found', 'There is no such image.'), 404);
    return c.body(new Uint8Array(image.bytes), 200, {
      'Content-Type': image.contentType,
      // A name never changes meaning (it is the hash of the bytes).
      'Cache-Control': 'public, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
    });
  });
}
