// Bundles the three entry points with esbuild; type-checking is a separate `tsc` step.
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';
import { generateComposeValidator } from './gen-compose-validator.mjs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
};
// The Compose schema is compiled to a standalone validator before bundling (see the script).
generateComposeValidator({ quiet: true });
await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' } }),
  build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
]);
chmodSync('dist/cli.js', 0o755);
chmodSync('dist/server.js', 0o755);
if (watch) console.log('watch mode is not supported; rerun npm run build');
