import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  allowedExternalUrl,
  allowedRequestUrl,
  allowNavigation,
  APP_ORIGIN,
  CONTENT_SECURITY_POLICY,
  isTrustedSenderUrl,
  resolveAppUrl,
} from './security-policy';

const root = resolve('/opt/Alignment Workbench/resources/app/out/renderer');

describe('resolveAppUrl (the app:// protocol)', () => {
  it('serves files inside the renderer folder', () => {
    expect(resolveAppUrl(`${APP_ORIGIN}/`, root)).toBe(join(root, 'index.html'));
    expect(resolveAppUrl(APP_ORIGIN, root)).toBe(join(root, 'index.html'));
    expect(resolveAppUrl(`${APP_ORIGIN}/assets/index-3f2a.js`, root)).toBe(join(root, 'assets', 'index-3f2a.js'));
    expect(resolveAppUrl(`${APP_ORIGIN}/assets/Source%20Sans.woff2?v=2#x`, root)).toBe(join(root, 'assets', 'Source Sans.woff2'));
    expect(resolveAppUrl(`${APP_ORIGIN}//assets/app.css`, root)).toBe(join(root, 'assets', 'app.css'));
  });

  it('stops ../ at the top of the app folder, as the URL standard does', () => {
    expect(resolveAppUrl(`${APP_ORIGIN}/../../../etc/passwd`, root)).toBe(join(root, 'etc', 'passwd'));
    expect(resolveAppUrl(`${APP_ORIGIN}/%2e%2e/%2e%2e/etc/passwd`, root)).toBe(join(root, 'etc', 'passwd'));
    expect(resolveAppUrl(`${APP_ORIGIN}/assets/.%2E/.%2e/%2E./secret`, root)).toBe(join(root, 'secret'));
  });

  it.each([
    ['encoded slashes', `${APP_ORIGIN}/..%2f..%2f..%2fetc%2fpasswd`],
    ['encoded dots with an encoded slash', `${APP_ORIGIN}/assets/%2e%2e%2f%2e%2e%2fsecret`],
    ['encoded backslashes', `${APP_ORIGIN}/..%5c..%5cWindows%5cwin.ini`],
    ['a backslash in a name', `${APP_ORIGIN}/assets%5cindex.js`],
    ['a NUL byte', `${APP_ORIGIN}/index.html%00.png`],
    ['a drive letter', `${APP_ORIGIN}/C:/Windows/win.ini`],
    ['an encoded drive letter', `${APP_ORIGIN}/C%3A%5CWindows%5Cwin.ini`],
    ['a UNC path', `${APP_ORIGIN}/%5c%5cserver%5cshare%5cfile`],
    ['bad percent encoding', `${APP_ORIGIN}/%E0%A4%A`],
    ['another host', 'app://elsewhere/index.html'],
    ['a host in capitals', 'app://WORKBENCH/index.html'],
    ['a look-alike host', 'app://workbench.evil/index.html'],
    ['another scheme', 'file:///opt/Alignment Workbench/resources/app/out/renderer/index.html'],
    ['https', 'https://workbench/index.html'],
    ['not a URL', 'not a url'],
    ['empty', ''],
  ])('refuses %s', (_what, url) => {
    expect(resolveAppUrl(url, root)).toBeNull();
  });

  it('never resolves outside the renderer folder, whatever it is given', () => {
    const pieces = ['..', '.', '%2e%2e', '%2E.', '%2f', '%5c', 'a', '', '%00', 'C:', '//', '\\'];
    for (const a of pieces)
      for (const b of pieces)
        for (const c of pieces) {
          const resolved = resolveAppUrl(`${APP_ORIGIN}/${a}/${b}/${c}`, root);
          if (resolved !== null) expect(resolved.startsWith(`${root}/`) || resolved.startsWith(`${root}\\`), resolved).toBe(true);
        }
  });
});

describe('isTrustedSenderUrl', () => {
  it('trusts only the app’s own pages', () => {
    expect(isTrustedSenderUrl(`${APP_ORIGIN}/index.html`)).toBe(true);
    expect(isTrustedSenderUrl(`${APP_ORIGIN}/`)).toBe(true);
    for (const url of ['app://workbench.evil/', 'app://other/', 'https://workbench/', 'file:///index.html', 'about:blank', '', 'null', 'data:text/html,x'])
      expect(isTrustedSenderUrl(url), url).toBe(false);
  });

  it('trusts the dev server only when one is given, and only its exact origin', () => {
    expect(isTrustedSenderUrl('http://localhost:5173/index.html')).toBe(false);
    expect(isTrustedSenderUrl('http://localhost:5173/index.html', 'http://localhost:5173')).toBe(true);
    expect(isTrustedSenderUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
    expect(isTrustedSenderUrl('http://localhost.evil:5173/', 'http://localhost:5173')).toBe(false);
    expect(isTrustedSenderUrl('http://localhost:5173/', 'not a url')).toBe(false);
  });

  it('does not trust pages without an origin just because the dev server setting has none either', () => {
    expect(isTrustedSenderUrl('file:///C:/Users/pn/evil.html', 'file:///C:/dev/index.html')).toBe(false);
    expect(isTrustedSenderUrl('data:text/html,<script>x</script>', 'data:text/html,dev')).toBe(false);
  });
});

describe('allowedExternalUrl', () => {
  it('allows https links to real hosts, as written', () => {
    expect(allowedExternalUrl('https://www.gov.uk/government/publications/libraries-deliver')).toBe(
      'https://www.gov.uk/government/publications/libraries-deliver',
    );
    expect(allowedExternalUrl('https://readingagency.org.uk/?q=summer#top')).toBe('https://readingagency.org.uk/?q=summer#top');
  });

  it('allows mailto with an address', () => {
    expect(allowedExternalUrl('mailto:libraries@borsetshire.gov.uk')).toBe('mailto:libraries@borsetshire.gov.uk');
    expect(allowedExternalUrl('mailto:libraries@borsetshire.gov.uk?subject=Business%20case')).toBe(
      'mailto:libraries@borsetshire.gov.uk?subject=Business%20case',
    );
  });

  it.each([
    ['javascript:', 'javascript:alert(document.cookie)'],
    ['JavaScript: in capitals', 'JaVaScRiPt:alert(1)'],
    ['file:', 'file:///C:/Windows/System32/calc.exe'],
    ['a UNC file path', 'file://server/share/payload.exe'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['plain http', 'http://www.gov.uk/'],
    ['credentials in the link', 'https://user:password@www.gov.uk/'],
    ['a user name in the link', 'https://www.gov.uk@evil.example/'],
    ['a host with no dot', 'https://intranet/'],
    ['localhost', 'https://localhost/'],
    ['a trailing-dot host', 'https://gov.uk./'],
    ['a Windows share scheme', 'smb://server/share'],
    ['a custom protocol', 'ms-msdt:/id PCWDiagnostic'],
    ['a search-ms protocol', 'search-ms:query=invoice'],
    ['a newline', 'https://www.gov.uk/\nSet-Cookie: x'],
    ['a tab', 'https://www.gov\t.uk/'],
    ['a NUL byte', 'https://www.gov.uk/\u0000'],
    ['a DEL character', 'https://www.gov.uk/\u007f'],
    ['a leading space', ' https://www.gov.uk/'],
    ['mailto without an address', 'mailto:'],
    ['mailto with two addresses', 'mailto:a@b.uk,c@d.uk@e'],
    ['mailto with bad percent encoding', 'mailto:%E0%A4%A@borsetshire.gov.uk'],
    ['mailto attaching a local file', 'mailto:a@borsetshire.gov.uk?attach=/etc/passwd'],
    ['mailto attaching a file after a subject', 'mailto:a@borsetshire.gov.uk?subject=Hi&attachment=C:%5Cdata.awbook'],
    ['mailto copying someone in', 'mailto:a@borsetshire.gov.uk?cc=b@example.org'],
    ['mailto with two subjects', 'mailto:a@borsetshire.gov.uk?subject=a&subject=b'],
    ['mailto to two addresses', 'mailto:a@borsetshire.gov.uk,b@example.org'],
    ['an overlong link', `https://www.gov.uk/${'a'.repeat(2_100)}`],
    ['not a URL', 'www.gov.uk'],
    ['empty', ''],
  ])('refuses %s', (_what, url) => {
    expect(allowedExternalUrl(url)).toBeNull();
  });

  it('refuses values that are not text at all', () => {
    expect(allowedExternalUrl(42 as unknown as string)).toBeNull();
    expect(allowedExternalUrl(null as unknown as string)).toBeNull();
  });
});

describe('navigation and content security policy', () => {
  it('never allows the window to navigate anywhere', () => {
    for (const url of [`${APP_ORIGIN}/other.html`, 'https://www.gov.uk/', 'file:///etc/passwd']) expect(allowNavigation(url)).toBe(false);
  });

  it('allows no eval, no remote origins and no plugins', () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0]!, d.split(' ').slice(1)]));
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*|wasm-unsafe/);
  });
});

describe('allowedRequestUrl', () => {
  it('allows the app’s own files and inline data, and nothing from a network or the disk', () => {
    expect(allowedRequestUrl('app://workbench/index.html')).toBe(true);
    expect(allowedRequestUrl('data:font/woff2;base64,AAAA')).toBe(true);
    expect(allowedRequestUrl('blob:app://workbench/1234')).toBe(true);
    for (const url of ['https://www.gov.uk/', 'http://localhost:5173/', 'ws://localhost:5173/', 'file:///etc/passwd', 'app://evil/', 'smb://server/share', 'not a url'])
      expect(allowedRequestUrl(url), url).toBe(false);
  });

  it('allows the development server’s page and live-reload socket only in development', () => {
    const dev = 'http://localhost:5173';
    expect(allowedRequestUrl('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(allowedRequestUrl('ws://localhost:5173/', dev)).toBe(true);
    expect(allowedRequestUrl('http://localhost:5174/', dev)).toBe(false);
    expect(allowedRequestUrl('https://www.gov.uk/', dev)).toBe(false);
  });
});
