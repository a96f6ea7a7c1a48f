import { describe, expect, it } from 'vitest';
import { SLIDES_DIR } from '../../tests/unit/test-app.js';
import { deckIn } from './deck-in-language.js';
import { deckFile } from './deck-test-decks.js';
import { loadDecks } from './load-decks.js';
import { parseDeck } from './parse-deck.js';
import { preparedValuesSchema, projectDeck, projectSlide, type PreparedValues } from './project-slide.js';

const moduleOne = loadDecks(SLIDES_DIR).get('module-1')!;

const closingThought = (text: Record<string, string>, original?: string): PreparedValues => ({
  fields: { 'closing-thought': { kind: 'quote', text, source: { en: 'A. Author, Some Book (2001), p. 12' }, ...(original ? { original } : {}) } },
});

describe('projecting a customisable slide', () => {
  it('projects an unfilled slide cleanly, its title and the guide’s points, and lists what is unfilled in the reader’s language', () => {
    const en = projectSlide(moduleOne, 25, 'en');
    expect(en.title).toBe('Closing Thought');
    expect(en.html).toBe('<h2>Closing Thought</h2>\n<ul>\n<li>Next steps: a closing thought, then what we achieved today</li>\n</ul>\n');
    expect(en.unfilled).toEqual([{ id: 'closing-thought', kind: 'quote', label: 'Closing thought', description: expect.stringMatching(/^The closing thought this slide shows in the original deck, with its source/) }]);
    const es = projectSlide(moduleOne, 25, 'es');
    expect(es.title).toBe('Idea de cierre');
    expect(es.html).not.toMatch(/figure|blockquote/);
    expect(es.unfilled[0]).toMatchObject({ label: 'Idea de cierre', description: expect.stringMatching(/^La idea de cierre que muestra esta diapositiva/) });
  });

  it('shows a filled quote with its source, and its translation marked as a translation', () => {
    const values = closingThought({ en: 'Together we do more.', es: 'Juntos hacemos más.' });
    const en = projectSlide(moduleOne, 25, 'en', values);
    expect(en.html).toContain('<blockquote><p>Together we do more.</p></blockquote><figcaption>— <span>A. Author, Some Book (2001), p. 12</span></figcaption>');
    expect(en.html).not.toContain('translation');
    expect(en.unfilled).toEqual([]);
    const es = projectSlide(moduleOne, 25, 'es', values);
    expect(es.html).toContain('data-translated="true"><blockquote><p>Juntos hacemos más.</p></blockquote>');
    expect(es.html).toContain('<span lang="en">A. Author, Some Book (2001), p. 12</span> <span class="pd-translation-mark">(traducción)</span>');
    // The field sits where the slide text places it: before the slide's own point.
    expect(es.html.indexOf('<figure')).toBeLessThan(es.html.indexOf('Lo que sigue'));
  });

  it('marks the English version of a quotation written in Spanish as the translation', () => {
    const values = closingThought({ en: 'Together we do more.', es: 'Juntos hacemos más.' }, 'es');
    expect(projectSlide(moduleOne, 25, 'en', values).html).toContain('<span class="pd-translation-mark">(translation)</span>');
    expect(projectSlide(moduleOne, 25, 'es', values).html).not.toContain('pd-translation-mark');
  });

  it('shows a quote given only in its own language as the original, with its language, on a Spanish slide', () => {
    const es = projectSlide(moduleOne, 25, 'es', closingThought({ en: 'Together we do more.' }));
    expect(es.html).toContain('<blockquote lang="en"><p>Together we do more.</p></blockquote>');
    expect(es.html).not.toContain('traducción');
    expect(es.untranslated).toEqual(['field closing-thought']);
  });

  it('writes the next meeting and future dates out in each language, and uses the slide’s own words while unfilled', () => {
    const values: PreparedValues = { nextMeeting: '2025-02-11T18:00', futureDates: ['2025-03-04', '2025-04-08'] };
    expect(projectSlide(moduleOne, 27, 'en', values).html).toContain('<li>You will receive copies at our next meeting on Tuesday, February 11, 2025 at 6:00 PM</li>');
    expect(projectSlide(moduleOne, 27, 'es', values).html).toContain('<li>Recibirá copias en nuestra próxima reunión, el martes, 11 de febrero de 2025, 18:00</li>');
    expect(projectSlide(moduleOne, 28, 'es', values).html).toContain('<li>Fechas de las próximas reuniones: martes, 4 de marzo de 2025 y martes, 8 de abril de 2025</li>');

    const unfilled27 = projectSlide(moduleOne, 27, 'es');
    expect(unfilled27.html).toContain('<li>Recibirá copias en nuestra próxima reunión, el día que anunciaremos pronto</li>');
    expect(unfilled27.unfilled).toEqual([{ id: 'nextMeeting', kind: 'value' }]);
    const unfilled28 = projectSlide(moduleOne, 28, 'en');
    expect(unfilled28.html).not.toContain('Future meeting dates');
    expect(unfilled28.unfilled.map((u) => u.id)).toEqual(['next-steps', 'futureDates']);
    expect(projectSlide(moduleOne, 27, 'en', { nextMeeting: 'after spring break' }).html).toContain('next meeting on after spring break');
  });

  it('shows an image with its alt text in the reader’s language, and only from this server', () => {
    const image = (src: string): PreparedValues => ({ fields: { 'who-image': { kind: 'image', src, alt: { en: 'Parents and teachers at the door', es: 'Familias y maestros en la puerta' } } } });
    expect(projectSlide(moduleOne, 4, 'es', image('/api/sessions/K7/images/who.png')).html).toContain(
      '<figure class="pd-field pd-image" data-field="who-image"><img src="/api/sessions/K7/images/who.png" alt="Familias y maestros en la puerta"></figure>',
    );
    for (const src of ['https://elsewhere.example/x.png', '//elsewhere.example/x.png', 'javascript:alert(1)', '/x.png" onerror="alert(1)']) {
      const projected = projectSlide(moduleOne, 4, 'en', image(src));
      expect(projected.html, src).not.toContain('<img');
      expect(projected.unfilled.map((u) => u.id)).toEqual(['who-image']);
    }
  });

  it('shows what a school typed as text, never as markup', () => {
    const projected = projectSlide(moduleOne, 28, 'en', {
      futureDates: ['<b>May 5</b>'],
      fields: { 'next-steps': { kind: 'text', text: { en: '- Post the agreement <script>alert(1)</script>\n- Plan session 2' } } },
    });
    expect(projected.html).toContain('<div class="pd-field pd-text" data-field="next-steps"><ul><li>Post the agreement &lt;script&gt;alert(1)&lt;/script&gt;</li><li>Plan session 2</li></ul></div>');
    expect(projected.html).toContain('Future meeting dates: &lt;b&gt;May 5&lt;/b&gt;');
    expect(projected.html).not.toMatch(/<script|<b>/);
    const quote = projectSlide(moduleOne, 19, 'en', { fields: { 'research-quote': { kind: 'quote', text: { en: 'Trust <img src=x onerror=alert(1)>\nis built' }, source: { en: '<i>Someone</i>' } } } });
    expect(quote.html).toContain('<blockquote><p>Trust &lt;img src=x onerror=alert(1)&gt;<br>is built</p></blockquote><figcaption>— <span>&lt;i&gt;Someone&lt;/i&gt;</span></figcaption>');
  });

  it('puts a field that the slide text does not place after the slide’s text, and leaves out a line whose value is unfilled', () => {
    const deck = parseDeck(
      deckFile([
        '# {{schoolName}} welcomes you\n\n- Today: {{workshopDate}}\n- Every voice counts\n\n<!-- customisable\nfields:\n  - { id: photo, kind: image, label: Photo, description: Our school }\n-->',
      ]),
      'tiny.md',
    );
    const unfilled = projectSlide(deck, 1, 'en');
    expect(unfilled.title).toBe('Slide 1');
    expect(unfilled.html).toBe('<ul>\n<li>Every voice counts</li>\n</ul>\n');
    expect(unfilled.unfilled.map((u) => u.id)).toEqual(['photo', 'schoolName', 'workshopDate']);
    const filled = projectSlide(deck, 1, 'es', { schoolName: 'Lincoln & Park', workshopDate: '2025-01-14', fields: { photo: { kind: 'image', src: '/img/p.png', alt: { en: 'Our school' } } } });
    expect(filled.title).toBe('Lincoln & Park welcomes you');
    expect(filled.html).toMatch(/^<h1>Lincoln &amp; Park welcomes you<\/h1>\n<ul>\n<li>Today: martes, 14 de enero de 2025<\/li>/);
    expect(filled.html).toMatch(/<\/ul>\n<figure class="pd-field pd-image" data-field="photo"><img src="\/img\/p.png" alt="Our school" lang="en"><\/figure>\n$/);
  });

  it('projects every slide of Module 1 in both languages', () => {
    // With nothing prepared, the projection is the deck's own slide in that language.
    expect(projectDeck(moduleOne, 'es').map((s) => s.html)).toEqual(deckIn(moduleOne, 'es').slides.map((s) => s.html));
    expect(projectDeck(moduleOne, 'es')[0].title).toBe('Construir colaboraciones para el logro estudiantil');
    expect(projectDeck(moduleOne, 'en-GB')[0].lang).toBe('en');
  });
});

describe('what a school may prepare', () => {
  const schema = preparedValuesSchema(moduleOne);

  it('accepts the deck’s own fields in its own languages', () => {
    const good = {
      schoolName: 'Lincoln Elementary',
      nextMeeting: '2025-02-11T18:00',
      futureDates: ['2025-03-04'],
      fields: { 'closing-thought': { kind: 'quote', text: { en: 'Together.', es: 'Juntos.' }, source: { en: 'A. Author' }, original: 'en' } },
    };
    expect(schema.safeParse(good).success).toBe(true);
  });

  it('refuses a field the deck does not declare, a field of another kind, a language it does not speak and an unknown key', () => {
    const messages = (value: unknown) => schema.safeParse(value).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];
    expect(messages({ fields: { 'made-up': { kind: 'text', text: { en: 'x' } } } })).toEqual(['fields.made-up: this deck has no customisable field "made-up"']);
    expect(messages({ fields: { 'who-image': { kind: 'text', text: { en: 'x' } } } })).toEqual(['fields.who-image: field "who-image" is of kind image, not text']);
    expect(messages({ fields: { 'next-steps': { kind: 'text', text: { fr: 'x' } } } })[0]).toMatch(/^fields\.next-steps\.text/);
    expect(messages({ nextMeetng: 'tomorrow' })[0]).toMatch(/nextMeetng|Unrecognized/);
    expect(messages({ fields: { 'who-image': { kind: 'image', src: 'https://elsewhere.example/a.png', alt: {} } } })[0]).toMatch(/an image is a path on this server/);
  });
});
