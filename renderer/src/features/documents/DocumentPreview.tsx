import { useEffect, useMemo, useState } from 'react';
import { call } from '../../platform/api';
import { previewHtml } from './preview-html';

/** The fonts documents are printed in: asked for once, as every preview uses the same. */
let fonts: Promise<string> | null = null;
function documentFonts(): Promise<string> {
  fonts ??= call('documentFonts', {}).then((r) => {
    // Without them the preview falls back to the app's sans-serif; the next preview asks again.
    if (!r.ok) fonts = null;
    return r.ok ? r.value.css : '';
  });
  return fonts;
}

/**
 * The live preview: the engine's print HTML in a sandboxed frame. srcdoc gives the document a frame of its own, so
 * its headings and styles stay apart from the app's, and the sandbox gives it an opaque origin: it cannot reach the
 * app, the bridge or the parent page, submit forms, open windows or navigate the app. It inherits the app's
 * Content Security Policy, so it cannot load anything from outside or run any script it might contain (the
 * engine's HTML has none, and templates cannot add any). Scripts are allowed in the sandbox only so that tools
 * which inspect the page from inside the frame, such as the axe accessibility checker the tests run on every
 * screen, can work there: the inherited policy still refuses inline scripts and event handlers, and previewHtml
 * takes out every script element and other active content before the document is shown. Chromium (and so
 * Electron) lets srcdoc frames load under frame-src 'none' because nothing is fetched; the policy is unchanged.
 */
export function DocumentPreview(props: { html: string; title: string; updating: boolean }) {
  const [fontCss, setFontCss] = useState<string | null>(null);
  useEffect(() => {
    void documentFonts().then(setFontCss);
  }, []);
  const srcDoc = useMemo(() => (fontCss === null ? null : previewHtml(props.html, fontCss)), [props.html, fontCss]);
  return (
    <div className="document-preview">
      <p className="muted document-preview-state" aria-hidden="true">
        {props.updating ? 'Updating the preview…' : 'The preview shows the document as it will be printed to PDF.'}
      </p>
      {srcDoc !== null && (
        <iframe className="document-preview-frame" sandbox="allow-scripts" srcDoc={srcDoc} title={`Preview of “${props.title}”`} />
      )}
    </div>
  );
}
