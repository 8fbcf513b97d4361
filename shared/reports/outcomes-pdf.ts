// Renders the outcomes report as a PDF without a browser. pdfmake is imported on the first report
// only, so the API's cold start does not pay for it; its file reads are limited to the font folder
// and it may fetch nothing.
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { outcomesDocument } from './outcomes-document.ts';
import type { OutcomesReport } from './outcomes-report.ts';
import { reportFontDirectory } from './report-fonts.ts';

let ready: Promise<typeof import('pdfmake').default> | undefined;

async function pdfmake() {
  // pdfmake's virtual-fs.js reads CommonJS `__dirname`, which the API's ESM bundle does not define;
  // that free name then resolves on the global object. Unbundled, the module has its own.
  const scope = globalThis as { __dirname?: string };
  scope.__dirname ??= dirname(fileURLToPath(import.meta.url));
  ready ??= import('pdfmake').then(({ default: maker }) => {
    const folder = resolve(reportFontDirectory());
    maker.setFonts({
      DejaVu: {
        normal: join(folder, 'DejaVuSans.ttf'),
        bold: join(folder, 'DejaVuSans-Bold.ttf'),
        italics: join(folder, 'DejaVuSans-Oblique.ttf'),
        bolditalics: join(folder, 'DejaVuSans-BoldOblique.ttf'),
      },
    });
    maker.setLocalAccessPolicy((path) => resolve(path).startsWith(folder + sep));
    maker.setUrlAccessPolicy(() => false);
    return maker;
  });
  return ready;
}

/** The report as PDF bytes. */
export async function renderOutcomesPdf(report: OutcomesReport): Promise<Buffer> {
  const maker = await pdfmake();
  return maker.createPdf(outcomesDocument(report)).getBuffer();
}
