/**
 * Security decisions as pure functions, so each guard is unit-tested with hostile input. window.ts and
 * index.ts apply them through Electron.
 */
import { isAbsolute, normalize, relative, resolve, sep } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'workbench';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * Content Security Policy for the renderer: only the app's own code, no eval, no remote origins, no plugins.
 * Inline styles are allowed for React's style attributes (positioning in the virtualised grid); scripts are not.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "media-src 'self' data:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Maps an app:// URL to a file inside the renderer folder, or null when the URL is not ours or tries to leave
 * the folder (../, encoded separators, absolute paths, drive letters, NUL bytes).
 */
export function resolveAppUrl(rawUrl: string, rendererRoot: string): string | null {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\') || /(^|\/)\.\.(\/|$)/.test(pathname)) return null;
  const relativePath = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  if (isAbsolute(relativePath) || /^[a-zA-Z]:/.test(relativePath)) return null;
  const root = resolve(rendererRoot);
  const full = resolve(root, normalize(relativePath));
  const rel = relative(root, full);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) return null;
  return full;
}

/** IPC is accepted only from the app's own pages (app://workbench, or the dev server in development). */
export function isTrustedSenderUrl(senderUrl: string, devServerUrl?: string): boolean {
  let url: URL;
  try {
    url = new URL(senderUrl);
  } catch {
    return false;
  }
  if (url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST) return true;
  if (devServerUrl) {
    try {
      // file:, data: and about: pages all have the origin "null", which must never match.
      return url.origin !== 'null' && url.origin === new URL(devServerUrl).origin;
    } catch {
      return false;
    }
  }
  return false;
}

/**
 * Links the app may hand to the operating system: https to a real host, and a mailto to one address with at most
 * a subject and a body. Everything else
 * (file:, javascript:, smb:, custom protocols, credentials in the URL) is refused.
 */
export function allowedExternalUrl(raw: string): string | null {
  // eslint-disable-next-line no-control-regex -- a link with control characters is refused outright
  if (typeof raw !== 'string' || raw.length > 2048 || /[\s\u0000-\u001f\u007f]/.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol === 'mailto:') {
    let address: string;
    try {
      address = decodeURIComponent(url.pathname);
    } catch {
      return null; // malformed percent-encoding
    }
    if (!/^[^@\s,;]+@[^@\s,;]+$/.test(address)) return null;
    // Only a subject and a body: mail programs honour others such as "attach" (a local file) or "cc".
    const keys = [...url.searchParams.keys()];
    if (keys.some((k) => k !== 'subject' && k !== 'body') || new Set(keys).size !== keys.length) return null;
    return url.href;
  }
  if (url.protocol !== 'https:') return null;
  if (url.username || url.password) return null;
  if (!url.hostname.includes('.') || url.hostname.endsWith('.')) return null;
  return url.href;
}

/** In-window navigation is never allowed: the app is a single page; links go out through openExternal. */
export function allowNavigation(_targetUrl: string): boolean {
  return false;
}

/**
 * Requests any page of the app may make: its own app:// files and inline data. Everything else (the web, file:,
 * a network share, the spellchecker's dictionary server) is cancelled, so the app makes no network connections
 * whatever a page tries. In development the dev server's origin is allowed too (its page and live-reload socket).
 */
export function allowedRequestUrl(raw: string, devServerUrl?: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol === `${APP_SCHEME}:`) return url.host === APP_HOST;
  if (url.protocol === 'data:' || url.protocol === 'blob:') return true;
  if (devServerUrl) {
    try {
      const dev = new URL(devServerUrl);
      const sameHost = url.hostname === dev.hostname && url.port === dev.port;
      return sameHost && (url.protocol === dev.protocol || url.protocol === 'ws:');
    } catch {
      return false;
    }
  }
  return false;
}

/**
 * Where the spellchecker would download its dictionaries from: an address on this machine that nothing answers
 * (port 0 cannot be connected to), so no request leaves it; the request filter refuses it as well.
 */
export const NO_DICTIONARY_DOWNLOADS = 'http://127.0.0.1:0/';
