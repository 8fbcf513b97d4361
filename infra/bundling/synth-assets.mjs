// Which folder of cdk.out holds which function's bundle, read from the synthesized template (the
// folder names are content hashes, and cdk.out keeps the folders of earlier syntheses).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Function name (the construct id: Api, ScrapeWorker, Dispatch) → absolute folder of its bundle. */
export function functionAssets(cdkOut) {
  const folders = {};
  for (const file of readdirSync(cdkOut).filter((name) => name.endsWith('.template.json'))) {
    const template = JSON.parse(readFileSync(join(cdkOut, file), 'utf8'));
    for (const [logicalId, resource] of Object.entries(template.Resources ?? {})) {
      const asset = resource.Metadata?.['aws:asset:path'];
      if (resource.Type !== 'AWS::Lambda::Function' || !asset) continue;
      folders[logicalId.replace(/Function[0-9A-F]{8}$/, '')] = join(cdkOut, asset);
    }
  }
  return folders;
}
