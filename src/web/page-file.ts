/**
 * Where a page fetched from the web is kept in the corpus folder: `web/<host>/<path-slug>-<hash>.html`. The name
 * is readable (the host, then the URL's path in letters and digits) and stable (the same URL gives the same name
 * on every run), and the short hash of the whole URL keeps two URLs with the same slug apart.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';

export const WEB_FOLDER = 'web';
const MAX_SLUG = 60;

/** Letters (any script) and digits kept, every other run of characters one hyphen. */
function slug(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/gu, '');
}

function decoded(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}

/** The file's path relative to the corpus folder, for a URL already checked to be http(s), without a fragment. */
export function pageFile(url: URL): string {
  // A port becomes part of the host's folder name; ':' is not allowed in file names everywhere.
  const host = slug(url.host.replace(/:/gu, '-')) || 'host';
  const extension = /\.(?:s?html?|php|aspx?|jsp)$/iu;
  let name = slug(decoded(url.pathname).replace(extension, '') + (url.search ? `-${decoded(url.search)}` : ''));
  if (name.length > MAX_SLUG) name = name.slice(-MAX_SLUG).replace(/^-+/u, '');
  const hash = createHash('sha256').update(url.href).digest('hex').slice(0, 10);
  return path.join(WEB_FOLDER, host, `${name || 'index'}-${hash}.html`);
}
