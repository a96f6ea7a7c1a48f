import { css } from 'lit';
import { palette } from './palette.js';

/**
 * Buttons and badges shared by the deck's overlays and the notes view. The palette comes
 * with them, so a page that does not put it on its document (the start page) has it too.
 */
export const staffStyles = css`
  ${palette}
  button {
    font: inherit;
    font-size: 0.9rem;
    font-weight: 600;
    padding: 0.35rem 0.8rem;
    border-radius: 6px;
    border: 1px solid var(--pd-primary);
    background: var(--pd-surface);
    color: var(--pd-primary);
    cursor: pointer;
  }
  button.primary {
    background: var(--pd-primary);
    color: var(--pd-surface);
  }
  button:focus-visible {
    outline: 3px solid var(--pd-accent);
    outline-offset: 2px;
  }
  button:disabled {
    opacity: 0.5;
    cursor: default;
  }
`;
