import { css } from 'lit';

/** The preparation page's forms: labels above their fields, roomy inputs, sections as cards. */
export const prepareStyles = css`
  section {
    background: var(--pd-surface);
    border: 1px solid var(--pd-line);
    border-radius: 10px;
    padding: 0.8rem 1rem 1rem;
    margin-bottom: 1rem;
  }
  h2 {
    font-size: 1.25rem;
    margin: 0.2rem 0 0.6rem;
  }
  h3 {
    font-size: 1.05rem;
    margin: 0.2rem 0 0.3rem;
  }
  label {
    display: block;
    font-weight: 600;
    margin: 0.7rem 0 0.25rem;
  }
  input,
  textarea,
  select {
    font: inherit;
    width: 100%;
    box-sizing: border-box;
    padding: 0.45rem 0.6rem;
    border: 1px solid var(--pd-line-strong, #8a94a0);
    border-radius: 6px;
    background: var(--pd-surface);
    color: var(--pd-ink);
  }
  input[type='date'],
  input[type='datetime-local'] {
    width: auto;
    max-width: 100%;
  }
  textarea {
    min-height: 4.5rem;
    resize: vertical;
  }
  .hint {
    color: var(--pd-ink-soft);
    font-size: 0.92rem;
    margin: 0.2rem 0;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
    margin-top: 0.7rem;
  }
  .languages {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 16rem), 1fr));
    gap: 0 1rem;
  }
`;
