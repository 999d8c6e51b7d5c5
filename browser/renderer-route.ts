/**
 * Serves the built renderer to the browser window without a listening socket: every request the browser makes
 * is intercepted; those for the app's own origin are answered from out/renderer (with the production CSP) and
 * every other one is refused before it leaves the browser. Nothing on the machine can reach the app's files or
 * its API, because there is no port.
 */
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { BrowserContext, Route } from 'playwright-core';
import { CONTENT_SECURITY_POLICY } from '../electron/main/security-policy';

/** A fixed origin under .invalid, a name that never resolves (RFC 2606), served only by interception. */
export const BROWSER_ORIGIN = 'https://workbench.invalid';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

/**
 * The file under rendererDir that an app URL names, or null (another origin, a path leaving the folder, encoded
 * separators or NUL bytes).
 */
export function rendererFileFor(rawUrl: string, rendererDir: string): string | null {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return null;
  }
  if (url.origin !== BROWSER_ORIGIN) return null;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\') || /(^|\/)\.\.(\/|$)/.test(path)) return null;
  const relative = path === '/' ? 'index.html' : path.replace(/^\/+/, '');
  if (/^[a-zA-Z]:/.test(relative)) return null;
  return join(rendererDir, ...relative.split('/'));
}

export interface RendererRoute {
  /** Every URL refused, in order (for the log and the tests). */
  readonly blocked: readonly string[];
}

export async function serveRendererByInterception(
  context: BrowserContext,
  rendererDir: string,
  onBlocked: (url: string) => void = () => undefined,
): Promise<RendererRoute> {
  const blocked: string[] = [];
  const answer = async (route: Route) => {
    const url = route.request().url();
    // data: and blob: URLs the page makes itself never reach the route; anything else that is not ours is refused.
    const file = rendererFileFor(url, rendererDir);
    if (!file) {
      blocked.push(url);
      onBlocked(url);
      // A navigation answered "204 No Content" leaves the window on the page it was on (as Electron's
      // will-navigate guard does); aborting it would replace the app with an error page.
      if (route.request().isNavigationRequest()) await route.fulfill({ status: 204, body: '' });
      else await route.abort('blockedbyclient');
      return;
    }
    try {
      const body = await readFile(file);
      await route.fulfill({
        status: 200,
        body,
        headers: {
          'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
          'Content-Security-Policy': CONTENT_SECURITY_POLICY,
          'X-Content-Type-Options': 'nosniff',
          'Cache-Control': 'no-store',
        },
      });
    } catch {
      await route.fulfill({ status: 404, body: 'Not found', headers: { 'Content-Type': 'text/plain' } });
    }
  };
  await context.route('**/*', answer);
  // WebSockets do not go through route(); the CSP already forbids them, and this refuses them again.
  await context.routeWebSocket(/.*/, async (ws) => {
    blocked.push(ws.url());
    onBlocked(ws.url());
    await ws.close({ code: 1008, reason: 'Blocked' });
  });
  return { blocked };
}
