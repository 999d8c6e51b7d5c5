import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from '../../platform/api';
import { previewFrameDocument, previewHtml } from './preview-html';
import frameScriptUrl from './preview-frame?worker&url';

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

/** Numbers each loading of a preview frame, so a frame's "ready" is matched to the document it was loaded with. */
let loads = 0;

/**
 * The live preview: the engine's print HTML in a sandboxed frame, loaded once and then brought up to date in place.
 * srcdoc gives the document a frame of its own, so its headings and styles stay apart from the app's, and the
 * sandbox gives it an opaque origin: it cannot reach the app, the bridge or the parent page, submit forms, open
 * windows or navigate the app. It inherits the app's Content Security Policy, so it cannot load anything from
 * outside, and no inline script or event handler can run in it. The one script it runs is the app's own
 * (preview-frame.ts, loaded from the app as script-src 'self' allows): it takes each new version of the document
 * from this page as a message and patches in only what changed (preview-patch.ts), so an edit redraws its own
 * paragraph rather than the whole document, and the reader keeps their place. previewHtml takes every script
 * element and other active content out of the engine's HTML before it is shown or sent. Versions are posted to any
 * origin because the frame's is opaque; the frame can hold nothing but this document, as the policy refuses to
 * navigate it anywhere else, and it answers only this page.
 *
 * Why scripts are allowed at all: a frame with allow-same-origin and no scripts, which this page could patch
 * directly, cannot be checked by the axe accessibility checker the tests run on every screen (with scripting off its
 * timers never fire, so the check never ends); and allow-same-origin with allow-scripts would let the document
 * reach the app. So the sandbox stays allow-scripts alone. Chromium (and so Electron) lets srcdoc frames load under
 * frame-src 'none' because nothing is fetched; the policy is unchanged. Until the frame's script says it is ready
 * (or if it never loads), each version is loaded as a new document, as it was before patching.
 */
export function DocumentPreview(props: { html: string; title: string; updating: boolean }) {
  const [fontCss, setFontCss] = useState<string | null>(null);
  useEffect(() => {
    void documentFonts().then(setFontCss);
  }, []);
  const frame = useRef<HTMLIFrameElement>(null);
  const [loaded, setLoaded] = useState<{ id: number; srcDoc: string } | null>(null);
  /** The load whose script is listening for versions. */
  const ready = useRef<number | null>(null);
  /** The engine HTML the frame shows, or has been sent. */
  const shown = useRef<string | null>(null);
  const latest = useRef(props.html);

  const patch = useCallback((html: string) => {
    shown.current = html;
    frame.current?.contentWindow?.postMessage({ awbPreviewPatch: previewHtml(html) }, '*');
  }, []);

  useEffect(() => {
    latest.current = props.html;
    if (fontCss === null || shown.current === props.html) return;
    if (loaded !== null && ready.current === loaded.id) {
      patch(props.html);
      return;
    }
    shown.current = props.html;
    const id = ++loads;
    setLoaded({ id, srcDoc: previewFrameDocument(previewHtml(props.html), fontCss, frameScriptUrl, id) });
  }, [props.html, fontCss, loaded, patch]);

  useEffect(() => {
    if (!loaded) return;
    const onMessage = (e: MessageEvent<unknown>) => {
      if (e.source === null || e.source !== frame.current?.contentWindow) return;
      if (typeof e.data !== 'object' || e.data === null || !('awbPreviewReady' in e.data) || e.data.awbPreviewReady !== loaded.id) return;
      ready.current = loaded.id;
      if (shown.current !== latest.current) patch(latest.current);
    };
    addEventListener('message', onMessage);
    return () => removeEventListener('message', onMessage);
  }, [loaded, patch]);

  return (
    <div className="document-preview">
      <p className="muted document-preview-state" aria-hidden="true">
        {props.updating ? 'Updating the preview…' : 'The preview shows the document as it will be printed to PDF.'}
      </p>
      {loaded !== null && (
        <iframe
          ref={frame}
          className="document-preview-frame"
          sandbox="allow-scripts"
          srcDoc={loaded.srcDoc}
          title={`Preview of “${props.title}”`}
        />
      )}
    </div>
  );
}
