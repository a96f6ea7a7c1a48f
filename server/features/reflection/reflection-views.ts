import type { Deck } from '../../deck/deck-schema.js';
import type { MyMovesPart, StaffParts } from '../../contract/parts.js';
import type { SessionState } from '../../domain/session-state.js';

/** Per reflection slide, how many wrote one and the shared ones, without names (facilitators). */
export function reflectionsPart(state: SessionState, deck: Deck): Pick<StaffParts, 'reflections'> {
  const slides = deck.slides.filter((s) => s.activity?.kind === 'reflection').map((s) => s.number);
  return {
    reflections: Object.fromEntries(
      slides.map((slide) => {
        const all = [...state.reflections.values()].filter((r) => r.slide === slide);
        const shared = all.filter((r) => r.shared).map(({ id, text, hidden, approved, at }) => ({ id, text, hidden, approved, at }));
        return [slide, { slide, written: all.length, shared }];
      }),
    ),
  };
}

/** A phone's own reflections, per reflection slide. */
export function fillMyReflections(state: SessionState, deck: Deck, participantId: string, mine: MyMovesPart): void {
  mine.reflections = Object.fromEntries(
    deck.slides.flatMap((s) => {
      const id = s.activity?.kind === 'reflection' ? state.reflectionByAuthor.get(`${s.number}:${participantId}`) : undefined;
      const r = id ? state.reflections.get(id) : undefined;
      return r ? [[r.slide, { text: r.text, shared: r.shared }]] : [];
    }),
  );
}
