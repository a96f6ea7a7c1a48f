import { css } from 'lit';

/** Buttons and badges shared by the deck's overlays and the notes view. */
export const staffStyles = css`
  button {
    font: inherit;
    font-size: 0.9rem;
    font-weight: 600;
    padding: 0.35rem 0.8rem;
    border-radius: 6px;
    border: 1px solid #1a4fa3;
    background: #fff;
    color: #1a4fa3;
    cursor: pointer;
  }
  button.primary {
    background: #1a4fa3;
    color: #fff;
  }
  button:focus-visible {
    outline: 3px solid #f59e0b;
    outline-offset: 2px;
  }
  button:disabled {
    opacity: 0.5;
    cursor: default;
  }
`;
