import { css } from 'lit';

/** The small forms of the notes view's panels (merge, paper entry, agreement builder). */
export const notesFormStyles = css`
  :host {
    display: block;
  }
  form {
    display: grid;
    /* One column as wide as the panel: an auto column would grow to the longest option of a
       card select (a long card text) and push the notes view past the screen's width. */
    grid-template-columns: minmax(0, 1fr);
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
