/** Where an item sits in a laid-out list: its top and bottom edge, in the same units as the page height. */
export interface ItemBox {
  top: number;
  bottom: number;
}

/**
 * Splits a laid-out list into pages of at most `height`: the index of each page's first
 * item. Items that share a top edge are one row (cards side by side) and stay on the same
 * page; a row that would cross the page's bottom starts the next page. A row taller than a
 * page gets a page of its own rather than being split.
 */
export function pageBreaks(boxes: readonly ItemBox[], height: number): number[] {
  const pages = [0];
  if (boxes.length === 0 || height <= 0) return pages;
  let pageTop = boxes[0].top;
  let i = 0;
  while (i < boxes.length) {
    const rowTop = boxes[i].top;
    let end = i;
    let rowBottom = boxes[i].bottom;
    while (end + 1 < boxes.length && Math.abs(boxes[end + 1].top - rowTop) < 1) {
      end++;
      rowBottom = Math.max(rowBottom, boxes[end].bottom);
    }
    if (rowBottom - pageTop > height && i !== pages.at(-1)) {
      pages.push(i);
      pageTop = rowTop;
    }
    i = end + 1;
  }
  return pages;
}
