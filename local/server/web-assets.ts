/**
 * The web apps, as CloudFront serves them in AWS: the built files of `web/dist`, and `index.html`
 * for the apps' own paths (`/`, `/portal…`, `/console…`) so a link into a page loads the app.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

const APP_PATHS = /^\/(?:$|portal(?:\/|$)|console(?:\/|$)|auth\/callback$)/u;

export function serveWebAsset(distDir: string, path: string, response: ServerResponse): boolean {
  if (!existsSync(distDir)) return false;
  const file = APP_PATHS.test(path) ? join(distDir, 'index.html') : join(distDir, normalize(path));
  if (!file.startsWith(distDir) || !existsSync(file) || !statSync(file).isFile()) return false;
  response.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    // Hashed assets never change; the page itself is always revalidated.
    'cache-control': file.includes(`${join(distDir, 'assets')}`)
      ? 'public, max-age=31536000, immutable'
      : 'no-cache',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  });
  response.end(readFileSync(file));
  return true;
}
