// Where the report's font is: DejaVu Sans, which covers Azerbaijani Latin (ə ğ ı İ ş) and Cyrillic,
// unlike the standard 14 PDF fonts. The deployed bundle carries the files in `fonts/` beside its code
// (service-stack.ts extraFiles); a checkout reads them from the dejavu-fonts-ttf package.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The font files the bundle carries, by the name they get inside it. */
export const reportFontFiles = {
  'DejaVuSans.ttf': 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  'DejaVuSans-Bold.ttf': 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
  'DejaVuSans-Oblique.ttf': 'dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf',
  'DejaVuSans-BoldOblique.ttf': 'dejavu-fonts-ttf/ttf/DejaVuSans-BoldOblique.ttf',
} as const;

/** The folder holding the report's fonts: REPORT_FONT_DIR, the bundle's `fonts/`, or the package. */
export function reportFontDirectory(): string {
  const configured = process.env.REPORT_FONT_DIR?.trim();
  if (configured) return configured;
  const bundled = join(dirname(fileURLToPath(import.meta.url)), 'fonts');
  if (existsSync(join(bundled, 'DejaVuSans.ttf'))) return bundled;
  return dirname(createRequire(import.meta.url).resolve(reportFontFiles['DejaVuSans.ttf']));
}
