import { css } from 'lit';

/** Shared look of the phone's controls: large targets and text for old phones and tired eyes. */
export const phoneStyles = css`
  :host {
    display: block;
    font-size: 1.125rem;
    line-height: 1.45;
    color: var(--pd-ink);
    /* At 320 px with 200% text a long word ("Retroalimentación") must break, never push the page sideways. */
    overflow-wrap: anywhere;
    hyphens: auto;
  }
  h1,
  h2 {
    line-height: 1.2;
    margin: 0 0 0.75rem;
  }
  h1 {
    font-size: 1.6rem;
  }
  h2 {
    font-size: 1.35rem;
  }
  label {
    display: block;
    font-weight: 600;
    margin: 1rem 0 0.35rem;
  }
  input,
  select,
  textarea {
    box-sizing: border-box;
    width: 100%;
    font: inherit;
    padding: 0.7rem 0.8rem;
    border: 2px solid var(--pd-field);
    border-radius: 10px;
    background: var(--pd-surface);
    color: inherit;
  }
  textarea {
    min-height: 7.5rem;
    resize: vertical;
  }
  input:focus,
  select:focus,
  textarea:focus,
  button:focus-visible {
    outline: 3px solid var(--pd-focus);
    outline-offset: 2px;
  }
  button {
    font: inherit;
    font-weight: 600;
    min-height: 48px;
    padding: 0.6rem 1.2rem;
    border-radius: 10px;
    border: 2px solid var(--pd-primary);
    background: var(--pd-primary);
    color: var(--pd-surface);
    cursor: pointer;
  }
  button.secondary {
    background: var(--pd-surface);
    color: var(--pd-primary);
  }
  button:disabled {
    opacity: 0.55;
    cursor: default;
  }
  .row {
    display: flex;
    gap: 0.75rem;
    flex-wrap: wrap;
    margin-top: 1rem;
  }
  .hint {
    color: var(--pd-ink-soft);
    font-size: 0.95rem;
    margin: 0.3rem 0 0;
  }
  .error {
    color: var(--pd-danger);
    font-weight: 600;
    margin: 0.6rem 0 0;
  }
  .card {
    background: var(--pd-card);
    border: 1px solid var(--pd-card-line);
    border-radius: 8px;
    padding: 0.9rem 1rem;
    margin: 0.6rem 0;
    overflow-wrap: anywhere;
    box-shadow: 0 1px 3px rgb(0 0 0 / 0.12);
  }
  .text {
    white-space: pre-wrap;
    margin: 0;
  }
  .side {
    display: block;
    font-size: 0.85rem;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    color: var(--pd-ink-soft);
    margin: 1rem 0 0.25rem;
  }
  .card .side {
    margin-top: 0;
  }
  .prompt {
    font-size: 1.2rem;
    margin: 0 0 0.5rem;
  }
  /* Read by screen readers, not shown. */
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
`;
