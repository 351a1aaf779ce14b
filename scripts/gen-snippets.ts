// Writes snippets/*.code-snippets from the templates in server/src/core/templates (`npm run snippets`).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { snippetFiles } from '../server/src/core/templates';

if (require.main === module) {
  const root = path.resolve(__dirname, '../..');
  const files = snippetFiles();
  for (const [file, text] of files) fs.writeFileSync(path.join(root, file), text);
  console.log(`wrote ${[...files.keys()].join(', ')}`);
}
