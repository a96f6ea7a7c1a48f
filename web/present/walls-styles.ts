import { css } from 'lit';

/**
 * The layout the projector's walls share (the live walls, the gallery walk's board): the
 * element a column that fills its part of the slide, its walls side by side in equal
 * columns, each wall a column whose pager takes the room left. `--pd-walls-gap` spaces the walls.
 */
export const wallsStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-height: 0;
  }
  .walls {
    flex: 1;
    min-height: 0;
    display: grid;
    gap: var(--pd-walls-gap, 0.8em);
    grid-auto-flow: column;
    grid-auto-columns: minmax(0, 1fr);
  }
  section {
    display: flex;
    flex-direction: column;
    min-height: 0;
  }
`;
