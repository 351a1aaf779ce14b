// Bundles the three entry points with esbuild; type-checking is a separate `tsc` step.
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';
import { generateComposeValidator } from './gen-compose-validator.mjs';
import { writeLoader } from './code-cache-loader.mjs';

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
  // The server and the CLI are bundled to NAME.main.js and started by a small loader, dist/NAME.js, that uses
  // V8's code cache (see code-cache-loader.mjs); the loader carries the #! line.
  build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.main.js' }),
  build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.main.js' }),
]);
writeLoader('server', { executable: true });
writeLoader('cli', { executable: true });
if (watch) console.log('watch mode is not supported; rerun npm run build');
