// pdfmake behind one function, in a module of its own so that the deployed API can carry it as a
// second file (pdf-maker.mjs beside index.mjs, see infra/constructs/app-function.ts) and load it on
// the first PDF: the API's cold start then never parses pdfmake's megabyte of code. Its file reads
// are limited to the font folder, and it may fetch nothing.
import { join, resolve, sep } from 'node:path';
import pdfmake from 'pdfmake';
import { reportFontDirectory } from './report-fonts.ts';

const fonts = resolve(reportFontDirectory());
pdfmake.setFonts({
  DejaVu: {
    normal: join(fonts, 'DejaVuSans.ttf'),
    bold: join(fonts, 'DejaVuSans-Bold.ttf'),
    italics: join(fonts, 'DejaVuSans-Oblique.ttf'),
    bolditalics: join(fonts, 'DejaVuSans-BoldOblique.ttf'),
  },
});
pdfmake.setLocalAccessPolicy((path) => resolve(path).startsWith(fonts + sep));
pdfmake.setUrlAccessPolicy(() => false);

/** A pdfmake document definition rendered to PDF bytes. */
export function renderPdf(document: object): Promise<Buffer> {
  return pdfmake.createPdf(document).getBuffer();
}
