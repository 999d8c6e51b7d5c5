/**
 * A link past a long run of controls to a step's main action ("Skip to Export"), for keyboard users: hidden until
 * it has focus, like the page's own skip link, and shown in place when tabbed to. It moves focus itself rather than
 * following the fragment, because the target is often a button, and a disabled one cannot take focus: then focus
 * goes to the first enabled control inside the target, or to the target itself.
 */
import type { ReactNode } from 'react';

const FOCUSABLE =
  'button:not(:disabled), a[href], input:not(:disabled), select:not(:disabled), textarea:not(:disabled), [tabindex]:not([tabindex="-1"])';

export function focusTarget(id: string): HTMLElement | null {
  const target = document.getElementById(id);
  if (!target) return null;
  const el = target.matches(FOCUSABLE) ? target : (target.querySelector<HTMLElement>(FOCUSABLE) ?? target);
  if (el === target && !target.matches(FOCUSABLE)) target.tabIndex = -1;
  el.focus();
  el.scrollIntoView({ block: 'nearest' });
  return el;
}

export function SkipLink(props: { to: string; children: ReactNode }) {
  return (
    <a
      className="skip-inline"
      href={`#${props.to}`}
      onClick={(e) => {
        e.preventDefault();
        focusTarget(props.to);
      }}
    >
      {props.children}
    </a>
  );
}
