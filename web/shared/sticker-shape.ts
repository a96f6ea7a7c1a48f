import { svg, type SVGTemplateResult } from 'lit';
import type { Wall } from '../../server/contract/parts.js';

/**
 * A wall's sticker drawn as its shape in its colour, so people who cannot tell the
 * colours apart still tell the stickers apart (the name is always written beside it).
 * Decorative: the caller writes the sticker's name as text.
 */
export function stickerShape(sticker: Wall['sticker'], size = 20): SVGTemplateResult {
  const fill = sticker.colour;
  const shape = {
    circle: svg`<circle cx="10" cy="10" r="8.5" />`,
    square: svg`<rect x="2" y="2" width="16" height="16" rx="1.5" />`,
    triangle: svg`<polygon points="10,1.5 19,18.5 1,18.5" />`,
    diamond: svg`<polygon points="10,1 19,10 10,19 1,10" />`,
    star: svg`<polygon points="10,1 12.6,7 19,7.3 14,11.5 15.6,18.5 10,14.7 4.4,18.5 6,11.5 1,7.3 7.4,7" />`,
  }[sticker.shape];
  return svg`<svg width=${size} height=${size} viewBox="0 0 20 20" aria-hidden="true" focusable="false" style="vertical-align:-0.15em;flex:none"><g style="fill:${fill};stroke:var(--pd-ink);stroke-width:1">${shape}</g></svg>`;
}
