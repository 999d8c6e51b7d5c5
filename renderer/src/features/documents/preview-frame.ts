/**
 * The preview frame's own script (loaded by the frame from the app, as the app's policy allows no inline script):
 * it takes each new version of the document from the app page and patches it into the page it shows, so an edit
 * does not reload the whole document. It listens to the app page only, and tells it once it is ready, with the
 * number of the load it belongs to, so the app never sends a change to a document that cannot take it.
 */
import { patchDocument } from './preview-patch';

const load = Number(document.currentScript?.getAttribute('data-load'));

addEventListener('message', (e: MessageEvent<unknown>) => {
  if (e.source !== parent || typeof e.data !== 'object' || e.data === null || !('awbPreviewPatch' in e.data)) return;
  const html = e.data.awbPreviewPatch;
  if (typeof html === 'string') patchDocument(document, new DOMParser().parseFromString(html, 'text/html'));
});

parent.postMessage({ awbPreviewReady: load }, '*');
