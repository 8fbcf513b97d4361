// Serves the dashboard's files. They are public; the data they show comes from the authenticated API.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NotFoundError } from '#shared/errors.ts';
import type { ApiRoute } from '../api-types.ts';

/** The bundle copies the dashboard to ./static beside the handler; in development it sits beside this file's folder. */
const staticDir = process.env.STATIC_DIR ?? fileURLToPath(new URL('../static/', import.meta.url));

/** Vendor files come from node_modules in development and from static/vendor in the bundle. */
const vendorFiles: Record<string, string> = {
  'vendor/uplot.js': 'uplot/dist/uPlot.iife.min.js',
  'vendor/uplot.css': 'uplot/dist/uPlot.min.css',
};

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

const securityHeaders = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self' https:; frame-ancestors 'none'; base-uri 'none'; form-action 'self' https:",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

async function serve(relativePath: string) {
  const clean = normalize(relativePath).replace(/^(\.\.[/\\])+/, '');
  if (clean.startsWith('..') || clean.includes('\0')) throw new NotFoundError();
  const type = contentTypes[extname(clean)];
  if (!type) throw new NotFoundError();
  const body = await readStatic(clean);
  const binary =
    !type.startsWith('text/') && !type.startsWith('application/json') && type !== 'image/svg+xml';
  return {
    statusCode: 200,
    headers: { 'content-type': type, 'cache-control': 'no-cache', ...securityHeaders },
    body: binary ? body.toString('base64') : body.toString('utf8'),
    isBase64Encoded: binary,
  };
}

async function readStatic(relativePath: string): Promise<Buffer> {
  try {
    return await readFile(join(staticDir, relativePath));
  } catch {
    const vendor = vendorFiles[relativePath];
    if (!vendor) throw new NotFoundError();
    return readFile(createRequire(import.meta.url).resolve(vendor));
  }
}

export const indexRoute: ApiRoute = {
  method: 'GET',
  path: '/',
  access: 'public',
  handle: () => serve('index.html'),
};

export const staticFileRoute: ApiRoute = {
  method: 'GET',
  path: '/{proxy+}',
  access: 'public',
  handle: (request) => serve(request.params.proxy || 'index.html'),
};
