import { describe, expect, it } from 'vitest';
import { loadDecks } from '../deck/load-decks.js';
import { DeckError } from '../deck/read-deck.js';
import { loadSeries, parseSeries } from './load-series.js';

const decks = loadDecks('slides');

describe('the series shipped in slides/', () => {
  const series = loadSeries('slides', decks);

  it('has the Parent-Teacher Partnerships series: eight sessions in order, each with its deck in English and Spanish', () => {
    const ptp = series.get('parent-teacher-partnerships')!;
    expect(ptp.sessions.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(ptp.models).toEqual(['single-building', 'district-wide']);
    expect(ptp.coFacilitators.map((c) => c.role)).toEqual(['parent', 'teacher']);
    for (const session of ptp.sessions) {
      const deck = decks.get(session.deck!)!;
      expect(deck.languages).toEqual(['en', 'es']);
      expect(deck.minutes).toBe(90);
      const kinds = deck.slides.map((s) => s.activity?.kind);
      // Each starter deck opens with attendance, has a discussion, small groups, the reflection and the feedback form.
      expect(kinds[0]).toBe('attendance');
      expect(kinds).toContain('round-robin');
      expect(kinds).toContain('reflection');
      expect(kinds.at(-1)).toBe('feedback');
      if (session.number > 1) expect(kinds).toContain('carry-over');
      expect(deck.walls.some((w) => w.toLeadership)).toBe(true);
      expect(deck.fidelity.length).toBeGreaterThan(3);
    }
    // The same feedback form closes every session, so results compare across sessions.
    const forms = ptp.sessions.map((s) => decks.get(s.deck!)!.slides.at(-1)!.activity as { ratings: { id: string }[] });
    for (const form of forms) expect(form.ratings.map((r) => r.id)).toEqual(forms[0].ratings.map((r) => r.id));
  });

  it('has the Module 1 series: Module 1, then the two sessions it announces as placeholders', () => {
    const m1 = series.get('building-partnerships')!;
    expect(m1.sessions.map((s) => [s.deck ?? null, s.placeholder])).toEqual([
      ['module-1', false],
      [null, true],
      [null, true],
    ]);
  });
});

describe('reading a series file', () => {
  const minimal = (sessions: string) => `id: tiny
languages: [en, es]
title: { en: Tiny, es: Pequeña }
description: { en: A test, es: Una prueba }
minutesPerSession: 60
models: [single-building]
coFacilitators: [{ role: parent, title: { en: Parent } }, { role: teacher, title: { en: Teacher } }]
coach: { en: Coach }
leadershipTeams: [{ id: blt, title: { en: BLT } }]
sessions:
${sessions}`;

  it('refuses a deck that is not in the slides folder, naming the file and the session', () => {
    expect(() => parseSeries(minimal('  - { number: 1, deck: no-such-deck, title: { en: One } }'), 'tiny.series.yaml', decks)).toThrow(
      new DeckError('tiny.series.yaml: sessions[0]: there is no deck "no-such-deck" in the slides folder'),
    );
  });

  it('refuses sessions out of order and unknown fields', () => {
    expect(() => parseSeries(minimal('  - { number: 2, deck: module-1, title: { en: One } }'), 'x', decks)).toThrow(/numbered 1, 2, 3/);
    expect(() => parseSeries(minimal('  - { number: 1, deck: module-1, title: { en: One }, date: tomorrow }'), 'x', decks)).toThrow(/unknown field "date"/);
    expect(() => parseSeries(minimal('  - { number: 1, deck: module-1, title: { fr: Un } }'), 'x', decks)).toThrow(/first language/);
  });
});
