/**
 * Where focus goes after an action a person took (Join, Send, Edit, Save): to what the
 * action produced, so a screen reader reads the result and a keyboard carries on from
 * there, instead of focus dropping to the top of the page when the form it was in goes
 * away. The result is the element marked `data-result`, else the first heading, searched
 * through open shadow roots.
 */
export function focusResult(start: Element | DocumentFragment | null | undefined, selector = '[data-result], h1, h2'): boolean {
  const target = start ? findDeep(start, selector) : null;
  if (!target) return false;
  if (!target.hasAttribute('tabindex') && !isFocusable(target)) target.setAttribute('tabindex', '-1');
  target.focus({ preventScroll: false });
  return true;
}

function findDeep(root: Element | DocumentFragment, selector: string): HTMLElement | null {
  const queue: (Element | DocumentFragment)[] = [root];
  while (queue.length > 0) {
    const node = queue.shift()!;
    if (node instanceof Element && node !== root && node.matches(selector)) return node as HTMLElement;
    if (node instanceof Element && node.shadowRoot) queue.push(node.shadowRoot);
    queue.push(...Array.from(node.children));
  }
  return null;
}

function isFocusable(el: Element): boolean {
  return el.matches('a[href], button, input, select, textarea, [tabindex]');
}
