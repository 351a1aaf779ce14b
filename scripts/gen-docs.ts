// Writes docs/rules/<id>.md and docs/rules/README.md from rule metadata (`npm run docs`).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CATALOG } from '../server/src/core/catalog';
import { ruleDocPage, ruleIndexPage } from '../server/src/core/docs';

export function expectedDocs(): Map<string, string> {
  const files = new Map<string, string>();
  for (const r of CATALOG) files.set(`${r.id}.md`, ruleDocPage(r));
  files.set('README.md', ruleIndexPage(CATALOG));
  return files;
}

if (require.main === module) {
  const dir = path.resolve(__dirname, '../../docs/rules');
  fs.mkdirSync(dir, { recursive: true });
  const want = expectedDocs();
  for (const f of fs.readdirSync(dir)) if (f.endsWith('.md') && !want.has(f)) fs.unlinkSync(path.join(dir, f));
  for (const [name, text] of want) fs.writeFileSync(path.join(dir, name), text);
  console.log(`wrote ${want.size} files to docs/rules`);
}
