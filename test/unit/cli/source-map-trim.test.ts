// The CLI's maps keep the project's own mappings and drop the packages': every position in the
// project's code still maps where it did, no position maps into a package, and keeping everything
// gives back the map unchanged.
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { SourceMap } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { type SourceMapV3, trimSourceMap } from '../../../cli/source-map-trim.mjs';

async function builtMap(): Promise<{ map: SourceMapV3; code: string }> {
  const folder = await mkdtemp(join(tmpdir(), 'map-trim-'));
  await mkdir(join(folder, 'node_modules/lib'), { recursive: true });
  await writeFile(
    join(folder, 'node_modules/lib/index.js'),
    'export function shout(text) {\n  const loud = text.toUpperCase();\n  return loud + "!";\n}\n',
  );
  await writeFile(
    join(folder, 'main.ts'),
    'import { shout } from "lib";\nexport function greet(name: string): string {\n  const text = "hello " + name;\n  return shout(text);\n}\nconsole.log(greet("x"));\n',
  );
  await build({
    absWorkingDir: folder,
    entryPoints: ['main.ts'],
    bundle: true,
    format: 'esm',
    outfile: 'out.js',
    sourcemap: 'external',
    logLevel: 'silent',
  });
  return {
    map: JSON.parse(await readFile(join(folder, 'out.js.map'), 'utf8')) as SourceMapV3,
    code: await readFile(join(folder, 'out.js'), 'utf8'),
  };
}

describe('trimSourceMap', () => {
  it('gives back the same mappings when every source is kept', async () => {
    const { map } = await builtMap();
    expect(trimSourceMap(map, () => true).mappings).toBe(map.mappings);
  });

  it('keeps every position of the project code and none of the package', async () => {
    const { map, code } = await builtMap();
    const trimmed = trimSourceMap(map, (source) => !source.includes('node_modules/'));
    const before = new SourceMap(map as never);
    const after = new SourceMap(trimmed as never);
    let projectPositions = 0;
    let packagePositions = 0;

    code.split('\n').forEach((line, lineNumber) => {
      for (let column = 0; column < line.length; column++) {
        const original = before.findEntry(lineNumber, column) as { originalSource?: string };
        const kept = after.findEntry(lineNumber, column) as { originalSource?: string };
        if (original.originalSource?.includes('node_modules/')) {
          packagePositions++;
          expect(kept.originalSource ?? '').not.toContain('node_modules/');
        } else if (original.originalSource) {
          projectPositions++;
          expect(kept).toEqual(original);
        }
      }
    });
    expect(projectPositions).toBeGreaterThan(20);
    expect(packagePositions).toBeGreaterThan(20);
    expect(trimmed.mappings.length).toBeLessThan(map.mappings.length);
  });
});
