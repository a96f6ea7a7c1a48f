import { css } from 'lit';

/**
 * The lead's buttons on an activity slide (reveal the tallies, start a round…). In the
 * notes view they sit in the panel. On the projector they are not the room's to read: they
 * float over the bottom corner of the slide's live content, take no room from it, and fade
 * out with the toolbar when the mouse rests (deck.css sets --pd-lead-opacity on
 * `body.idle`); moving the mouse brings them back.
 */
export const leadControlStyles = css`
  .lead-controls {
    display: flex;
    gap: 0.4rem;
    flex-wrap: wrap;
    align-items: center;
  }
  :host([projected]) .lead-controls {
    position: absolute;
    right: 0;
    bottom: 0;
    z-index: 5;
    max-width: 60%;
    justify-content: flex-end;
    font-size: 16px;
    background: rgb(255 255 255 / 0.94);
    border: 1px solid var(--pd-line);
    border-radius: 8px;
    padding: 0.3rem 0.4rem;
    opacity: var(--pd-lead-opacity, 1);
    transition: opacity 0.3s;
  }
  :host([projected]) .lead-controls:empty {
    display: none;
  }
`;
