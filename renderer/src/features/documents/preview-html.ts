import { OWN_ATTRIBUTE } from './preview-patch';

/**
 * The preview copy of the print HTML. The engine's documents contain no scripts, frames, forms or event handlers
 * (templates cannot add any: raw HTML in a template is shown as text); this removes them all the same, as a second
 * line of defence, so the preview frame has nothing to run. Web links are sent to a new window, which the sandbox
 * quietly refuses, because navigating the preview frame itself would be blocked by the app's Content Security
 * Policy and leave an error page where the document was; links inside the document (the contents) keep working.
 * A real document comes through unchanged apart from its web links, so the preview stays the HTML the PDF is
 * printed from.
 */
export function previewHtml(html: string): string {
  // Self-contained (no outside names), so the end-to-end test can run this very function in the browser.
  const doc = new DOMParser().parseFromString(html, 'text/html');
  // Elements a printed document never needs, and that could run or load something if one were ever let in.
  doc
    .querySelectorAll('script, iframe, frame, object, embed, base, link, meta[http-equiv], form, input, button, textarea, select')
    .forEach((el) => el.remove());
  for (const el of Array.from(doc.querySelectorAll('*'))) {
    for (const attr of Array.from(el.attributes))
      if (/^on/i.test(attr.name) || /^\s*(javascript|vbscript|data\s*:\s*text\/html)/i.test(attr.value)) el.removeAttribute(attr.name);
  }
  for (const a of Array.from(doc.querySelectorAll('a[href]'))) {
    if ((a.getAttribute('href') ?? '').startsWith('#')) continue;
    a.setAttribute('target', '_blank');
    a.setAttribute('rel', 'noopener noreferrer');
  }
  return `<!doctype html>\n${doc.documentElement.outerHTML}`;
}

/**
 * The document the preview frame is first loaded with: the preview copy, with the fonts (the app's own @font-face
 * rules, the same for every document, so they are not parsed with each version) and the frame's script, which
 * takes later versions in place (preview-frame.ts). Both are marked as the preview's own, so patches leave them.
 * `load` numbers this loading of the frame, so the app knows which one says it is ready.
 */
export function previewFrameDocument(copy: string, fontCss: string, frameScriptUrl: string, load: number): string {
  // Font data is base64 inside url(): it holds no "<", so it cannot end the style element.
  const fonts = fontCss && !fontCss.includes('<') ? `<style ${OWN_ATTRIBUTE}>${fontCss}</style>` : '';
  const script = `<script ${OWN_ATTRIBUTE} defer src="${frameScriptUrl.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`)}" data-load="${load}"></script>`;
  return copy.replace('<head>', () => `<head>${fonts}${script}`);
}
