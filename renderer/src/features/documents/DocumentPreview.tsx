import { useMemo } from 'react';

/**
 * Links in the preview would otherwise navigate the preview frame itself, which the app's Content Security
 * Policy (frame-src 'none') blocks, leaving an error page where the document was. Web links are sent to a new
 * window instead, which the sandbox quietly refuses; links inside the document (the contents) keep working.
 * Nothing else in the document is changed, so the preview stays the HTML the PDF is printed from.
 */
export function withInertWebLinks(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  let changed = false;
  for (const a of Array.from(doc.querySelectorAll('a[href]'))) {
    if ((a.getAttribute('href') ?? '').startsWith('#')) continue;
    a.setAttribute('target', '_blank');
    a.setAttribute('rel', 'noopener noreferrer');
    changed = true;
  }
  return changed ? `<!doctype html>\n${doc.documentElement.outerHTML}` : html;
}

/**
 * The live preview: the engine's print HTML in a sandboxed frame. srcdoc with an empty sandbox gives the document
 * an opaque origin with no scripts, forms, pop-ups or navigation of the app, and it inherits the app's Content
 * Security Policy, so it cannot load anything from outside either. Chromium (and so Electron) lets srcdoc
 * frames load under frame-src 'none' because nothing is fetched; the policy is unchanged.
 */
export function DocumentPreview(props: { html: string; title: string; updating: boolean }) {
  const srcDoc = useMemo(() => withInertWebLinks(props.html), [props.html]);
  return (
    <div className="document-preview">
      <p className="muted document-preview-state" aria-hidden="true">
        {props.updating ? 'Updating the preview…' : 'The preview shows the document as it will be printed to PDF.'}
      </p>
      <iframe className="document-preview-frame" sandbox="" srcDoc={srcDoc} title={`Preview of “${props.title}”`} />
    </div>
  );
}
