// Measures dockerfile-language-service's features on generated Dockerfiles of growing size and
// shape, and shows which ones Seaworthy's guards (server/src/lsp/features/guard.ts) let through.
// Used to set LIMITS. Needs `npx tsc -p .` first (reads the compiled guard from out/).
//
//   node bench/editor-features.mjs [--quick] [--shape realistic,refs,...] [--feature semanticTokens,...]
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { DockerfileLanguageServiceFactory } = require('dockerfile-language-service');
const { scanDockerfile, LIMITS, withinLimits, prefixWithin } = require('../out/server/src/lsp/features/guard.js');

const args = process.argv.slice(2);
const opt = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1].split(',') : undefined; };
const quick = args.includes('--quick');

const ls = DockerfileLanguageServiceFactory.createLanguageService();
ls.setCapabilities({ completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown'] } }, hover: { contentFormat: ['markdown'] } });
const id = { uri: 'file:///bench/Dockerfile' };
const fmt = { tabSize: 4, insertSpaces: true };

const BLOCK = [
  'FROM debian:12 AS build{i}', 'ARG VERSION=1.{i}', 'ENV APP_HOME=/opt/app{i} PATH=/opt/app{i}/bin:$PATH', 'WORKDIR $APP_HOME',
  'RUN apt-get update && apt-get install -y --no-install-recommends \\', '    curl ca-certificates \\', '    && rm -rf /var/lib/apt/lists/*',
  'COPY --chown=app:app src/ ./src/', 'COPY --from=build{i} /opt/app{i} /opt/app', 'LABEL version="${VERSION}" maintainer="me"', 'EXPOSE 80{i}/tcp',
  'HEALTHCHECK --interval=30s CMD curl -f http://localhost/ || exit 1', 'USER app', '# a comment line', 'CMD ["node", "server.js"]',
];

/** shape → (size → text); size is lines, or words for one-instruction shapes. */
const SHAPES = {
  realistic: (n) => { const out = []; for (let i = 0; out.length < n; i++) for (const l of BLOCK) if (out.length < n) out.push(l.replace(/\{i\}/g, String(i))); return out.join('\n') + '\n'; },
  envChain: (n) => 'FROM alpine\n' + Array.from({ length: n - 1 }, (_, i) => `ENV V${i}=$V${i - 1}/x`).join('\n') + '\n',
  refs: (n) => 'FROM alpine\nARG V=1\n' + Array.from({ length: n - 2 }, () => 'RUN echo $V').join('\n') + '\n',
  longRun: (n) => `FROM alpine\nRUN ${'echo x && '.repeat(Math.ceil(n / 3))}true\n`,
  contRun: (n) => `FROM alpine\nRUN ${'echo x && \\\n    '.repeat(Math.ceil(n / 3))}true\n`,
  declarations: (n) => 'FROM alpine\n' + Array.from({ length: n - 2 }, (_, i) => `ARG V${i}=x`).join('\n') + '\nRUN echo $V1\n',
  dollars: (n) => 'FROM alpine\n' + Array.from({ length: n - 2 }, () => 'RUN echo $X').join('\n') + '\nRUN echo $V1\n',
};
const SIZES = {
  realistic: quick ? [1000, 5000] : [625, 1000, 2500, 5000, 10000],
  envChain: quick ? [1000] : [500, 1000, 2000, 5000],
  refs: quick ? [1000] : [500, 1000, 2000],
  longRun: quick ? [400, 1200] : [300, 400, 600, 1200, 3000],
  contRun: quick ? [400] : [300, 400, 800, 1600],
  declarations: quick ? [1000] : [750, 1000, 3000],
  dollars: quick ? [1000] : [500, 750, 1000, 3000],
};

const FEATURES = {
  completion: (t, p) => ls.computeCompletionItems(t, p),
  hover: (t, p) => ls.computeHover(t, p),
  formatting: (t) => ls.format(t, fmt),
  symbols: (t) => ls.computeSymbols(id, t),
  folding: (t) => ls.computeFoldingRanges(t),
  semanticTokens: (t) => ls.computeSemanticTokens(t),
  highlights: (t, p) => ls.computeHighlightRanges(t, p),
  definition: (t, p) => ls.computeDefinition(id, t, p),
  prepareRename: (t, p) => ls.prepareRename(t, p),
  rename: (t, p) => ls.computeRename(id, t, p, 'RENAMED'),
  signatureHelp: (t, p) => ls.computeSignatureHelp(t, p),
  links: (t) => ls.computeLinks(t),
};

/** The last `$` reference (else the last line's start): where position-based features are asked. */
function probe(text) {
  const lines = text.split('\n');
  for (let l = lines.length - 1; l >= 0; l--) { const c = lines[l].lastIndexOf('$'); if (c >= 0) return { line: l, character: c + 2 }; }
  return { line: Math.max(0, lines.length - 2), character: 1 };
}

function median(fn, runs) {
  const times = [];
  for (let r = 0; r < runs; r++) { const t0 = performance.now(); fn(); times.push(performance.now() - t0); }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

for (const f of Object.values(FEATURES)) f(SHAPES.realistic(50), { line: 3, character: 9 }); // warm up
const shapes = (opt('--shape') ?? Object.keys(SHAPES)).filter((s) => s in SHAPES);
const features = opt('--feature') ?? Object.keys(FEATURES);
console.log('shape         size  lines  words maxInstr     $  decl  feature        unguarded ms  guarded ms  guard');
for (const shape of shapes) {
  const tooSlow = new Set();
  for (const size of SIZES[shape]) {
    const text = SHAPES[shape](size);
    const scan = scanDockerfile(text);
    const p = probe(text);
    for (const feature of features) {
      const limits = LIMITS[feature];
      const allowed = withinLimits(scan.shape, limits);
      let verdict = allowed ? 'runs' : 'off';
      let guardedText = allowed ? text : undefined;
      if (feature === 'semanticTokens' && !allowed) {
        const end = prefixWithin(text, scan, limits);
        verdict = end ? `partial (${text.slice(0, end).split('\n').length - 1} lines)` : 'off';
        if (end) guardedText = text.slice(0, end);
      }
      const guarded = guardedText === undefined ? '0' : median(() => FEATURES[feature](guardedText, p), quick ? 1 : 3).toFixed(0);
      let ms = '   -';
      if (!tooSlow.has(feature)) {
        const m = median(() => FEATURES[feature](text, p), quick ? 1 : 3);
        if (m > 5000) tooSlow.add(feature);
        ms = m.toFixed(0);
      }
      const s = scan.shape;
      console.log(`${shape.padEnd(12)} ${String(size).padStart(5)} ${String(s.lines).padStart(6)} ${String(s.words).padStart(6)} ${String(s.maxInstructionWords).padStart(8)} ${String(s.dollars).padStart(5)} ${String(s.declarations).padStart(5)}  ${feature.padEnd(14)} ${String(ms).padStart(12)} ${guarded.padStart(11)}  ${verdict}`);
    }
  }
}

// Compose: our own features (parse once per version, then linear walks).
if (!opt('--shape') || opt('--shape').includes('compose')) {
  const { parseCompose } = require('../out/server/src/core/compose/parse.js');
  const { composeOutline, keyContextAt, keysAt, referenceAt } = require('../out/server/src/core/compose/navigation.js');
  const schema = require('../server/src/core/compose/schema/compose-spec.json');
  console.log('\ncompose   lines   parse ms  outline ms  completion ms  definition ms');
  parseCompose('services:\n  a:\n    image: x\n'.repeat(50)); // warm up
  for (const services of quick ? [1000] : [250, 625, 1250, 2500]) {
    const text = 'services:\n' + Array.from({ length: services }, (_, i) => `  s${i}:\n    image: nginx:1.27\n    depends_on: [s${Math.max(0, i - 1)}]\n    networks: [front]\n    environment:\n      A: "1"\n    ports:\n      - "80${i}:80"\n`).join('') + 'networks:\n  front:\n';
    const lines = text.split('\n').length - 1;
    const parse = median(() => parseCompose(text), 3);
    const file = parseCompose(text).ast;
    const outline = median(() => composeOutline(file), 3);
    const at = text.lastIndexOf('    ports:');
    const completion = median(() => keysAt(schema, keyContextAt(text, at + 4).path), 3);
    const ref = text.lastIndexOf('depends_on: [s') + 14;
    const definition = median(() => referenceAt(file, ref), 3);
    console.log(`          ${String(lines).padStart(6)} ${parse.toFixed(0).padStart(9)} ${outline.toFixed(0).padStart(11)} ${completion.toFixed(0).padStart(14)} ${definition.toFixed(0).padStart(14)}`);
  }
}
