/**
 * The preview copy of the print HTML. The engine's documents contain no scripts, frames, forms or event handlers
 * (templates cannot add any: raw HTML in a template is shown as text); this removes them all the same, as a second
 * line of defence, so the preview frame has nothing to run. Web links are sent to a new window, which the sandbox
 * quietly refuses, because navigating the preview frame itself would be blocked by the app's Content Security
 * Policy and leave an error page where the document was; links inside the document (the contents) keep working.
 * A real document comes through unchanged apart from its web links, so the preview stays the HTML the PDF is
 * printed from. The fonts (the app's own @font-face rules, the same for every document) go in afterwards, so the
 * document is parsed here without them.
 */
export function previewHtml(html: string, fontCss = ''): string {
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
  const page = doc.documentElement.outerHTML;
  // Font data is base64 inside url(): it holds no "<", so it cannot end the style element.
  return `<!doctype html>\n${fontCss && !fontCss.includes('<') ? page.replace('<head>', `<head><style>${fontCss}</style>`) : page}`;
}
