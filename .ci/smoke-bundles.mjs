// After `cdk synth`: load the API bundle esbuild produced on this Node and answer /api/health with it,
// proving the deployable bundle (not only the TypeScript sources) runs here.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { functionAssets } from '../infra/bundling/synth-assets.mjs';

const apiAsset = functionAssets(join(process.cwd(), 'cdk.out')).Api;
if (!apiAsset || !existsSync(join(apiAsset, 'static')))
  throw new Error('no API bundle (with static/) in cdk.out');
process.env.TABLE_NAME = 'smoke';
process.env.DYNAMODB_ENDPOINT = 'http://127.0.0.1:9';
const { handler } = await import(join(apiAsset, 'index.mjs'));
const event = (path) => ({
  version: '2.0',
  rawPath: path,
  headers: {},
  requestContext: { http: { method: 'GET', path }, requestId: 'smoke' },
});
const health = await handler(event('/api/health'), {});
const status = await handler(event('/api/status'), {});
if (health.statusCode !== 200 || status.statusCode !== 401) {
  throw new Error(`bundle answered health ${health.statusCode}, status ${status.statusCode}`);
}
console.log(`API bundle ${apiAsset}: /api/health 200, /api/status without token 401`);

// The PDF renderer is a file of its own beside the bundle, imported on the first report by the path
// the bundle names: check that path, then render a page with the bundled fonts through the file.
if (!readFileSync(join(apiAsset, 'index.mjs'), 'utf8').includes('"./pdf-maker.mjs"')) {
  throw new Error('the API bundle does not name ./pdf-maker.mjs, the renderer beside it');
}
const { renderPdf } = await import(join(apiAsset, 'pdf-maker.mjs'));
const pdf = await renderPdf({
  content: ['Ictimai Şura — Общественный совет'],
  defaultStyle: { font: 'DejaVu' },
});
if (pdf.subarray(0, 5).toString() !== '%PDF-') throw new Error('the bundled PDF renderer made no PDF');
console.log(`API bundle: pdf-maker.mjs rendered a ${pdf.length}-byte PDF with the bundled fonts`);
