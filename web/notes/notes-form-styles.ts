import { css } from 'lit';

/** The small forms of the notes view's panels (merge, paper entry, agreement builder). */
export const notesFormStyles = css`
  :host {
    display: block;
  }
  form {
    display: grid;
    gap: 0.3rem;
  }
  input,
  select,
  textarea {
    font: inherit;
    font-size: 0.9rem;
    max-width: 100%;
  }
`;
