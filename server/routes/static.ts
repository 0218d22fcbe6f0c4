/** The chat page: files of web/ at /, with their content types and no way out of the folder. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import type { MiddlewareHandler } from 'hono';

/** The repository's web/ folder, found from this file so the working directory does not matter. */
const DEFAULT_WEB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web');

/**
 * Serves GET/HEAD requests from `webDir`; anything it does not find falls through to the 404
 * handler. serveStatic itself rejects `..` segments, backslashes, double slashes and encoded paths.
 */
export function staticFiles(webDir: string = DEFAULT_WEB_DIR): MiddlewareHandler {
  const serve = serveStatic({
    root: webDir,
    index: 'index.html',
    // No build step means no hashed file names: make browsers revalidate after an edit.
    onFound: (_file, c) => {
      c.header('Cache-Control', 'no-cache');
    },
  });
  return async function staticFilesMiddleware(c, next) {
    // Dot-files (.env, .git) are never part of the page.
    if (c.req.path.split('/').some((segment) => segment.startsWith('.'))) return next();
    return serve(c, next);
  };
}
