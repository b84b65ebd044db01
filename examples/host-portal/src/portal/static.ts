import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The portal package's own folder; the same from `src/portal` (tests) and `dist/portal` (built). */
export const PORTAL_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const PUBLIC_DIR = join(PORTAL_ROOT, 'public');

/**
 * Where the installed elements package keeps its script-tag bundle, found the way Node finds packages: the nearest
 * `node_modules/@berichtsheft/elements` upwards. A host that installed the package from npm serves it the same way.
 */
export function findElementsBundleDir(start = PORTAL_ROOT): string {
  let dir = resolve(start);
  for (;;) {
    const candidate = join(dir, 'node_modules', '@berichtsheft', 'elements', 'dist', 'bundle');
    if (existsSync(join(dir, 'node_modules', '@berichtsheft', 'elements'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return candidate;
    dir = parent;
  }
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** Serves one file below `root`; `false` when there is none (or the path tries to leave `root`). */
export async function serveFile(
  res: ServerResponse,
  root: string,
  relativePath: string,
): Promise<boolean> {
  const type = TYPES[extname(relativePath)];
  let decoded: string;
  try {
    decoded = decodeURIComponent(relativePath);
  } catch {
    return false;
  }
  const base = resolve(root);
  const path = resolve(base, `.${sep}${decoded}`);
  if (type === undefined || !path.startsWith(base + sep)) return false;
  let body: Buffer;
  try {
    body = await readFile(path);
  } catch {
    return false;
  }
  res.writeHead(200, {
    'content-type': type,
    'content-length': body.length,
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
  });
  res.end(body);
  return true;
}
