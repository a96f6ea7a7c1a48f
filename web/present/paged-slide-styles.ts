import { css } from 'lit';
import { pagesStyles } from './pd-pages.js';

/**
 * The layout the projector's paged live slides share (the Block Party's and the round
 * robin's groups, the shared reflections, a series session's carry-over, the inventory's
 * progress and changes, the Partnership Plan): the element a column that fills its part
 * of the slide, its pager (`pd-pages`, with its own styles) taking the room left, so what
 * does not fit follows on the next page instead of running off the slide. The type's size
 * (`--pd-live-size`, which the notes view sets) and the pager's gaps stay each element's own.
 */
export const pagedSlideStyles = css`
  ${pagesStyles}
  :host {
    display: flex;
    flex-direction: column;
    min-height: 0;
    font-family: system-ui, sans-serif;
  }
  pd-pages {
    flex: 1;
  }
`;

/**
 * A group as the paged group slides show it (the Block Party's groups, the round robin's):
 * a card in the deck's colour per list item, its name a plain heading. The card's padding
 * and what it holds stay each element's own.
 */
export const pagedGroupStyles = css`
  /* The list item holds the group's region (a section named "Group 1"). */
  .group-item {
    display: grid;
    min-width: 0;
  }
  .group {
    border: 2px solid var(--pd-primary);
    border-radius: 8px;
    background: var(--pd-primary-tint);
  }
  .group h4 {
    margin: 0;
    font-size: 1em;
  }
`;
