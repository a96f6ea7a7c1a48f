import type { StaffParts } from '../../contract/parts.js';
import type { SessionState } from '../../domain/session-state.js';

/** Every card not withdrawn, with its author's name and group, for the facilitators. */
export function cardsPart(state: SessionState): Pick<StaffParts, 'cards'> {
  return {
    cards: [...state.cards.values()]
      .filter((c) => !c.withdrawn)
      .map((c) => {
        const author = c.authorId ? state.participants.get(c.authorId) : undefined;
        return {
          id: c.id,
          wall: c.wall,
          slide: c.slide,
          text: c.text,
          hidden: c.hidden,
          paper: c.paper,
          pairId: c.pairId,
          revisions: c.revisions.length,
          author: author ? { name: author.name, group: author.group } : null,
          at: c.at,
        };
      }),
  };
}
