// The fixture workspace every real-editor suite opens, and the CLI as the oracle: each editor check
// compares what the editor shows or saves with what `node dist/cli.js` says about the same file, so
// the checks tighten by themselves as rules, fixes and hardening land. Plain CommonJS: loaded both by
// the Node runners and inside the VS Code extension host.
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const REPO = path.resolve(__dirname, '../..');
// The CLI of the build under test: the runners point SEAWORTHY_E2E_CLI at the copy inside the installed
// VSIX or the snapshot they load, so a concurrent `npm run build` can't make oracle and editor differ.
const cliPath = () => process.env.SEAWORTHY_E2E_CLI || path.join(REPO, 'dist/cli.js');
const SNIPPETS = path.join(REPO, 'snippets/dockerfile.code-snippets');

/**
 * A fresh temp workspace: copies of examples/ plus
 *   fix-on-save/Dockerfile   (a copy of node-app/Dockerfile, for editor.codeActionsOnSave)
 *   safe-only/Dockerfile     (only safe fixes: hardening applies without a preview)
 *   snippet/Dockerfile       (empty, for the snippet check)
 */
function prepareWorkspace(dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seaworthy-ws-'))) {
  fs.cpSync(path.join(REPO, 'examples'), dir, { recursive: true });
  const nodeApp = fs.readFileSync(path.join(dir, 'node-app/Dockerfile'), 'utf8');
  fs.mkdirSync(path.join(dir, 'fix-on-save'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'fix-on-save/Dockerfile'), nodeApp);
  fs.mkdirSync(path.join(dir, 'safe-only'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'safe-only/Dockerfile'),
    'FROM debian:12.6-slim\nMAINTAINER Jane Doe <jane@example.com>\nADD main.sh /usr/local/bin/main.sh\nUSER 10001\nENTRYPOINT ["/usr/local/bin/main.sh"]\n');
  fs.mkdirSync(path.join(dir, 'snippet'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'snippet/Dockerfile'), '');
  return dir;
}

function cli(args, { cwd = REPO, input } = {}) {
  // In the extension host of desktop VS Code process.execPath is Electron: run it as plain Node.
  const env = { ...process.env, ELECTRON_RUN_AS_NODE: '1' };
  const r = spawnSync(process.execPath, [cliPath(), ...args], { cwd, input, env, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`seaworthy ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r;
}

/** `seaworthy lint --format json FILE` → the file's diagnostics (rule, severity, message, range, fix?). */
function lintFile(file) {
  const out = JSON.parse(cli(['lint', '--format', 'json', '--failure-threshold', 'none', file]).stdout);
  const entry = out.files.find(f => path.resolve(REPO, f.path) === path.resolve(file) || path.basename(f.path) === path.basename(file));
  return entry ? entry.diagnostics : [];
}

/** Lints TEXT as if it were the file at `asPath` (same folder, so neighbouring files count). */
function lintText(text, asPath) {
  const r = cli(['lint', '--format', 'json', '--failure-threshold', 'none', '--stdin-filename', asPath, '-'], { input: text });
  const out = JSON.parse(r.stdout);
  return out.files.length ? out.files[0].diagnostics : [];
}

/**
 * What `seaworthy harden --write` / `lint --fix` make of TEXT, run on a temp copy: the new text and
 * the files the fixes created or appended to beside it (fix.fileEdits, e.g. a .dockerignore).
 */
function cliRewrite(text, fileName, args) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seaworthy-e2e-cli-'));
  const file = path.join(dir, fileName);
  fs.writeFileSync(file, text);
  cli(args(file), { cwd: dir });
  const files = {};
  for (const f of fs.readdirSync(dir)) if (f !== fileName) files[f] = fs.readFileSync(path.join(dir, f), 'utf8');
  const result = { text: fs.readFileSync(file, 'utf8'), files };
  fs.rmSync(dir, { recursive: true, force: true });
  return result;
}
const cliHardenFull = (text, fileName = 'Dockerfile') => cliRewrite(text, fileName, f => ['harden', '--write', f]);
const cliFixAllFull = (text, fileName = 'Dockerfile') => cliRewrite(text, fileName, f => ['lint', '--fix', '--failure-threshold', 'none', f]);
const cliHarden = (text, fileName) => cliHardenFull(text, fileName).text;
const cliFixAll = (text, fileName) => cliFixAllFull(text, fileName).text;

/**
 * Gaps between the editor and the CLI that are known and reported, checked strictly both ways:
 * while the gap is there the check logs "XFAIL" and passes; once it closes the check fails with
 * "XPASS" so the entry gets removed here (and the check guards the fix from then on).
 */
const KNOWN_GAPS = {};
/** Files the CLI created beside `dir`'s document that the editor did not; null when the CLI created none. */
function missingSiblings(expectedFiles, dir) {
  if (!Object.keys(expectedFiles).length) return null;
  const missing = [];
  for (const [name, content] of Object.entries(expectedFiles)) {
    const p = path.join(dir, name);
    if (!fs.existsSync(p)) missing.push(`${name} (not created)`);
    else if (fs.readFileSync(p, 'utf8') !== content) missing.push(`${name} (content differs)`);
  }
  return missing;
}
/** Checks a behaviour that may be a KNOWN_GAPS entry; returns a note for the log. */
function expectOrKnownGap(gap, problems) {
  if (problems === null) return ''; // nothing to compare
  const known = Object.prototype.hasOwnProperty.call(KNOWN_GAPS, gap);
  if (!problems.length && known) throw new Error(`XPASS ${gap}: the gap is closed, remove it from KNOWN_GAPS in test/e2e/workspace.js`);
  if (problems.length && !known) throw new Error(`the editor differs from the CLI: ${problems.join(', ')}`);
  return problems.length ? `XFAIL ${gap}: ${problems.join(', ')} — ${KNOWN_GAPS[gap]}` : '';
}

/** Whether `seaworthy harden` on TEXT includes behaviour-changing edits (the editor then asks first). */
function cliHardenNeedsConfirmation(text, fileName = 'Dockerfile') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seaworthy-e2e-cli-'));
  fs.writeFileSync(path.join(dir, fileName), text);
  const out = cli(['harden', fileName], { cwd: dir }).stdout;
  fs.rmSync(dir, { recursive: true, force: true });
  return /^# \d+ of these changes alter behaviour/m.test(out);
}

/** TEXT with LSP-style range edits (0-based line/character, as in the JSON output) applied. */
function applyEdits(text, edits) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const off = p => Math.min(text.length, (starts[p.line] ?? text.length) + p.character);
  const sorted = edits.map(e => ({ s: off(e.range.start), e: off(e.range.end), t: e.newText })).sort((a, b) => b.s - a.s);
  for (const e of sorted) text = text.slice(0, e.s) + e.t + text.slice(e.e);
  return text;
}

function rules() {
  return JSON.parse(cli(['rules', '--format', 'json']).stdout);
}

/** A finding as "L:C-L:C message" (1-based, like editors show it), for readable set comparisons. */
const findingKey = d => `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${d.message}`;

/** Set difference report: '' when equal, else what is missing and what is extra. */
function diffSets(expected, actual, what = 'findings') {
  const e = [...expected].sort();
  const a = [...actual].sort();
  const missing = e.filter(x => !a.includes(x));
  const extra = a.filter(x => !e.includes(x));
  if (!missing.length && !extra.length && e.length === a.length) return '';
  return `${what} differ from the CLI:\n  missing: ${JSON.stringify(missing, null, 2)}\n  extra:   ${JSON.stringify(extra, null, 2)}`;
}

/** Snippets in snippets/dockerfile.code-snippets whose prefix starts with `sw-`, as [name, snippet]. */
function swSnippets() {
  let json = {};
  try { json = JSON.parse(stripJsonComments(fs.readFileSync(SNIPPETS, 'utf8'))); } catch { /* none yet */ }
  return Object.entries(json).filter(([, s]) => [].concat(s.prefix || []).some(p => p.startsWith('sw-')));
}
function stripJsonComments(s) {
  return s.replace(/("(?:[^"\\]|\\.)*")|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (m, str) => str || '');
}
const prefixOf = s => [].concat(s.prefix).find(p => p.startsWith('sw-'));
const bodyOf = s => [].concat(s.body).join('\n');

/**
 * The text a snippet body inserts when every placeholder keeps its default (what pressing Escape
 * right after insertion leaves): ${1:x} → x (nested too; every $1/${1} mirror gets the same x),
 * ${1|a,b|} → a, placeholders without a default and $0 → '', variables → their default or ''.
 * Leading tabs become 4 spaces (VS Code's default indentation for these files).
 */
function expandSnippet(body) {
  // Parse into nodes: text | { tab: n } | { tab: n, children } (placeholder) | { tab: n, choice } | { variable, children? }.
  let i = 0;
  const parse = (inside) => {
    const nodes = [];
    let text = '';
    const flush = () => { if (text) nodes.push(text); text = ''; };
    while (i < body.length) {
      const c = body[i];
      if (c === '\\' && i + 1 < body.length && '$}\\'.includes(body[i + 1])) { text += body[i + 1]; i += 2; continue; }
      if (inside && c === '}') break;
      if (c === '$') {
        const simple = /^\$(\d+|[A-Za-z_][A-Za-z_0-9]*)/.exec(body.slice(i));
        if (simple) { flush(); nodes.push(/^\d/.test(simple[1]) ? { tab: simple[1] } : { variable: simple[1] }); i += simple[0].length; continue; }
        const open = /^\$\{(\d+|[A-Za-z_][A-Za-z_0-9]*)([:|}])/.exec(body.slice(i));
        if (open) {
          flush();
          i += open[0].length;
          const key = open[1];
          const node = /^\d/.test(key) ? { tab: key } : { variable: key };
          if (open[2] === ':') { node.children = parse(true); i++; } // skip the closing }
          else if (open[2] === '|') {
            const end = body.indexOf('|}', i);
            node.choice = body.slice(i, end).split(/(?<!\\),/)[0].replace(/\\(.)/g, '$1');
            i = end + 2;
          }
          nodes.push(node);
          continue;
        }
      }
      text += c;
      i++;
    }
    flush();
    return nodes;
  };
  const tree = parse(false);
  // Pass 1 learns each tab stop's value (its first placeholder's default or choice); pass 2 renders,
  // so a mirror ($1) placed before its placeholder still gets the value.
  const values = new Map();
  const learn = nodes => nodes.map(n => {
    if (typeof n === 'string') return n;
    if (n.variable) return n.children ? learn(n.children) : n.variable; // unknown variables insert their name
    const v = n.choice !== undefined ? n.choice : n.children ? learn(n.children) : undefined;
    if (v !== undefined && !values.has(n.tab)) values.set(n.tab, v);
    return v ?? values.get(n.tab) ?? '';
  }).join('');
  learn(tree);
  const final = nodes => nodes.map(n => {
    if (typeof n === 'string') return n;
    if (n.variable) return n.children ? final(n.children) : n.variable;
    return values.get(n.tab) ?? '';
  }).join('');
  const out = final(tree);
  return out.split('\n').map(l => l.replace(/^\t+/, t => '    '.repeat(t.length))).join('\n');
}

module.exports = {
  REPO, cliPath, SNIPPETS, prepareWorkspace, cli, lintFile, lintText, cliHarden, cliFixAll, cliHardenFull, cliFixAllFull,
  KNOWN_GAPS, missingSiblings, expectOrKnownGap, cliHardenNeedsConfirmation, applyEdits, rules, findingKey, diffSets,
  swSnippets, prefixOf, bodyOf, expandSnippet,
};
