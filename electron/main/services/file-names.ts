/**
 * File names made from titles (workbooks, documents, workshop kits): what Windows, macOS and Linux all accept.
 */
export function safeFileStem(title: string, fallback: string): string {
  const stem = title
    // eslint-disable-next-line no-control-regex -- control characters are not allowed in Windows file names
    .replace(/[<>:"/\\|?*\u0000-\u001f]+/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.-]+|[.\s]+$/g, '')
    .slice(0, 120);
  return stem || fallback;
}
