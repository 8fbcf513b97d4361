// Renders the outcomes report as a PDF without a browser. The renderer (pdf-maker.ts) is imported on
// the first report only, by a path esbuild leaves alone: the deployed API carries it as a file of its
// own beside the bundle, so the API's cold start neither reads nor parses pdfmake.
import { outcomesDocument } from './outcomes-document.ts';
import type { OutcomesReport } from './outcomes-report.ts';

type PdfMaker = typeof import('./pdf-maker.ts');

// From a checkout this module is TypeScript and so is its neighbour; in a bundle both are built.
const makerPath = import.meta.url.endsWith('.ts') ? './pdf-maker.ts' : './pdf-maker.mjs';
let maker: Promise<PdfMaker> | undefined;

function loadMaker(): Promise<PdfMaker> {
  maker ??= (import(makerPath) as Promise<PdfMaker>).catch((error: unknown) => {
    maker = undefined; // a later report tries again
    throw error;
  });
  return maker;
}

/** The report as PDF bytes. */
export async function renderOutcomesPdf(report: OutcomesReport): Promise<Buffer> {
  const { renderPdf } = await loadMaker();
  return renderPdf(outcomesDocument(report));
}
