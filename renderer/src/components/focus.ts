/**
 * Keeping keyboard focus somewhere sensible (WCAG 2.4.3). Features move focus on purpose after an action
 * (focusSoon: the next item, the new field); the guard catches what they miss, so focus never falls to the
 * page body when the control that had it is removed, disabled or hidden.
 */

function focusable(el: Element | null): el is HTMLElement {
  if (!(el instanceof HTMLElement) || !el.isConnected) return false;
  if ((el as HTMLButtonElement).disabled) return false;
  return el.getClientRects().length > 0;
}

/** Focuses an element that may not be drawn yet: a heading or region gets tabindex -1 so it can hold focus. */
function give(el: HTMLElement): void {
  if (el.tabIndex < 0 && !el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
  el.focus();
}

/**
 * After React has drawn the result of an action, focuses the first candidate that exists and can take focus.
 * Candidates are functions so they are looked up after the change, not before.
 */
export function focusSoon(...candidates: ReadonlyArray<() => Element | null | undefined>): void {
  requestAnimationFrame(() => {
    for (const find of candidates) {
      const el = find();
      if (el instanceof HTMLElement && el.isConnected && el.getClientRects().length > 0 && !(el as HTMLButtonElement).disabled) return give(el);
    }
    rescueFocus();
  });
}

/** Where focus goes when nothing better is known: into an open dialog, else the current step's heading. */
export function rescueFocus(): void {
  const dialog = document.querySelector('dialog[open]');
  if (dialog) {
    const first = dialog.querySelector<HTMLElement>('input, select, textarea, button, [href], [tabindex]:not([tabindex="-1"])');
    if (first && focusable(first)) return first.focus();
  }
  const heading = document.querySelector<HTMLElement>('main h1') ?? document.getElementById('main');
  if (heading) give(heading);
}

/**
 * Installs the guard; returns its remover. Chromium does not always report focus leaving a removed element,
 * so the guard also looks after each change to the page: if the element that last had focus is gone, disabled
 * or hidden and focus is on the body, it moves focus on (a frame later, after any dialog has handed focus back).
 * A widget that manages its own focus (the map grid) marks itself data-focus-owner and is left alone.
 */
export function guardFocus(): () => void {
  let last: Element | null = null;
  let pending = false;
  const check = () => {
    if (pending || last === null) return;
    if (document.activeElement !== null && document.activeElement !== document.body) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      const now = document.activeElement;
      if (last === null || (now !== null && now !== document.body)) return;
      // A click on a blank part of the page also leaves focus on the body: that is the officer's choice.
      if (focusable(last) || last.closest('[data-focus-owner]')) return;
      last = null;
      rescueFocus();
    });
  };
  const onFocusIn = (e: FocusEvent) => {
    if (e.target instanceof Element) last = e.target;
  };
  const observer = new MutationObserver(check);
  observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled', 'hidden'] });
  document.addEventListener('focusin', onFocusIn);
  document.addEventListener('focusout', check);
  return () => {
    observer.disconnect();
    document.removeEventListener('focusin', onFocusIn);
    document.removeEventListener('focusout', check);
  };
}
