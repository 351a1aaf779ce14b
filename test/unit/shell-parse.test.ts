import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseName, parseShell, MAX_SHELL_DEPTH } from '../../server/src/core/shell/parse';
import { parseDockerfile } from '../../server/src/core/dockerfile/parse';
import { DockerfileAnalysis } from '../../server/src/core/dockerfile/analysis';
import { packageCommand } from '../../server/src/core/dockerfile/packages';
import { toSource } from '../../server/src/core/dockerfile/words';
import type { Instruction } from '../../server/src/core/dockerfile/model';
import type { ShCommand, ShScript } from '../../server/src/core/shell/model';
import {
  commandName, findFlag, flagValue, hasFlag, isPackageManagerInstall, packageManagerSpec, positionalArgs,
} from '../../server/src/core/shell/commands';

/** `name arg1 arg2` using word values. */
const brief = (c: ShCommand): string => [c.name?.value ?? '', ...c.args.map((a) => a.value)].join(' ').trim();
const briefs = (s: string): string[] => parseShell(s).commands.map(brief);
const messages = (r: ShScript): string[] => r.errors.map((e) => e.message);

// ---- commands, operators, nesting ------------------------------------------------------------------

const COMMAND_CASES: { src: string; cmds: [string, string | undefined, string][] }[] = [
  { src: 'apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*', cmds: [
    ['apt-get update', undefined, ''], ['apt-get install -y curl', '&&', ''], ['rm -rf /var/lib/apt/lists/*', '&&', '']] },
  { src: 'a; b & c || d\ne\n\n\nf', cmds: [['a', undefined, ''], ['b', ';', ''], ['c', '&', ''], ['d', '||', ''], ['e', '\n', ''], ['f', '\n', '']] },
  { src: 'a | b |& c', cmds: [['a', undefined, ''], ['b', '|', ''], ['c', '|&', '']] },
  { src: 'a &&\n  b ||\n\n c', cmds: [['a', undefined, ''], ['b', '&&', ''], ['c', '||', '']] },
  { src: 'a;\nb', cmds: [['a', undefined, ''], ['b', ';', '']] },
  { src: 'apt-get install \\\n    curl \\\n    git', cmds: [['apt-get install curl git', undefined, '']] },
  { src: 'echo a # comment && rm -rf /\necho a#b', cmds: [['echo a', undefined, ''], ['echo a#b', '\n', '']] },
  { src: '# only a comment', cmds: [] },
  { src: '(cd /a && make) && { echo x; echo y; }', cmds: [['cd /a', undefined, 'subshell'], ['make', '&&', 'subshell'], ['echo x', undefined, 'group'], ['echo y', ';', 'group']] },
  { src: 'echo "v=$(cat /v | tr -d x)" `whoami`', cmds: [['echo v=$(cat /v | tr -d x) `whoami`', undefined, ''], ['cat /v', undefined, 'substitution'], ['tr -d x', '|', 'substitution'], ['whoami', undefined, 'substitution']] },
  { src: 'echo ${X:-$(id -u)} $((1 + $N)) <(ls a)', cmds: [['echo ${X:-$(id -u)} $((1 + $N)) <(ls a)', undefined, ''], ['id -u', undefined, 'substitution'], ['ls a', undefined, 'substitution']] },
  { src: 'if [ -f x ]; then cd /a; elif test -d y; then :; else echo no; fi', cmds: [
    ['[ -f x ]', undefined, 'if'], ['cd /a', undefined, 'if'], ['test -d y', undefined, 'if'], [':', undefined, 'if'], ['echo no', undefined, 'if']] },
  { src: 'if ! command -v curl >/dev/null\nthen\n  apt-get install -y curl\nfi', cmds: [['command -v curl', undefined, 'if'], ['apt-get install -y curl', undefined, 'if']] },
  { src: 'for i in 1 $(seq 2 3); do echo $i; done | tee log', cmds: [['seq 2 3', undefined, 'loop>substitution'], ['echo $i', undefined, 'loop'], ['tee log', '|', '']] },
  { src: 'for ((i=0; i<3; i++)); do echo $i; done', cmds: [['echo $i', undefined, 'loop']] },
  { src: 'for x\ndo echo $x\ndone; select y in a b; do break; done', cmds: [['echo $x', undefined, 'loop'], ['break', undefined, 'loop']] },
  { src: 'while read -r l; do echo "$l"; done < file; until false; do :; done', cmds: [['read -r l', undefined, 'loop'], ['echo $l', undefined, 'loop'], ['false', undefined, 'loop'], [':', undefined, 'loop']] },
  { src: 'case "$x" in\n  a|b) echo ab;;\n  (c) echo c ;&\n  *.txt) ;;\n  *) echo other\nesac', cmds: [['echo ab', undefined, 'case'], ['echo c', undefined, 'case'], ['echo other', undefined, 'case']] },
  { src: 'f() { echo hi; }; function g { cd /; }; function h() ( ls ); f', cmds: [['echo hi', undefined, 'function'], ['cd /', undefined, 'function'], ['ls', undefined, 'function'], ['f', ';', '']] },
  { src: 'sh -c "apt-get update && apt-get install -y \\"foo bar\\""', cmds: [['sh -c apt-get update && apt-get install -y "foo bar"', undefined, ''], ['apt-get update', undefined, 'sh-c'], ['apt-get install -y foo bar', '&&', 'sh-c']] },
  { src: "/bin/bash -euo pipefail -c 'cd /x; make' && bash -lc 'ls $(pwd)'", cmds: [
    ['/bin/bash -euo pipefail -c cd /x; make', undefined, ''], ['cd /x', undefined, 'sh-c'], ['make', ';', 'sh-c'],
    ['bash -lc ls $(pwd)', '&&', ''], ['ls $(pwd)', undefined, 'sh-c'], ['pwd', undefined, 'sh-c>substitution']] },
  { src: 'sh script.sh -c x; sh -c -- "a" b', cmds: [['sh script.sh -c x', undefined, ''], ['sh -c -- a b', ';', ''], ['a', undefined, 'sh-c']] },
  { src: 'sh -c "x $(b)"', cmds: [['sh -c x $(b)', undefined, ''], ['x $(b)', undefined, 'sh-c'], ['b', undefined, 'substitution']] },
  { src: '[[ -n $x && $y < 3 ]] && echo ok', cmds: [['[[ -n $x && $y < 3 ]]', undefined, ''], ['echo ok', '&&', '']] },
  { src: '[[ $x =~ ^(a|b)$ ]] || [[ ! -L c ]]', cmds: [['[[ $x =~ ^ ( a | b ) $ ]]', undefined, ''], ['[[ ! -L c ]]', '||', '']] },
  { src: 'A=1 B=(x y) env', cmds: [['env', undefined, '']] },
  { src: 'x=$(curl -fsSL https://x | sh)', cmds: [['', undefined, ''], ['curl -fsSL https://x', undefined, 'substitution'], ['sh', '|', 'substitution']] },
  { src: 'echo `echo \\`date\\``', cmds: [['echo `echo \\`date\\``', undefined, ''], ['echo `date`', undefined, 'substitution'], ['date', undefined, 'substitution>substitution']] },
  { src: 'ls !(x) @(a|b) +(c)', cmds: [['ls !(x) @(a|b) +(c)', undefined, '']] },
  { src: 'echo {a,b} done fi }', cmds: [['echo {a,b} done fi }', undefined, '']] },
];

test('parses commands, operators and nesting (table)', () => {
  for (const { src, cmds } of COMMAND_CASES) {
    const r = parseShell(src);
    const got = r.commands.map((c): [string, string | undefined, string] => [brief(c), c.joinedBy, c.context.join('>')]);
    assert.deepEqual(got, cmds, src);
    assert.deepEqual(r.errors, [], src);
  }
});

test('numbers pipelines in source order with positions, lengths and negation', () => {
  const r = parseShell('set -o pipefail; ! curl -fsSL https://x | tar xz -C / | cat && (a | b) | c');
  const got = r.commands.map((c) => [brief(c), c.pipeline, c.pipelineIndex, c.pipelineLength, c.negated]);
  assert.deepEqual(got, [
    ['set -o pipefail', 0, 0, 1, false],
    ['curl -fsSL https://x', 1, 0, 3, true],
    ['tar xz -C /', 1, 1, 3, true],
    ['cat', 1, 2, 3, true],
    ['a', 3, 0, 2, false],
    ['b', 3, 1, 2, false],
    ['c', 2, 1, 2, false], // the subshell is element 0 of pipeline 2
  ]);
});

test('spans cover each command and word exactly', () => {
  const src = 'A=1 apt-get  install -y "x y" 2>&1 && cd /app ; sh -c \'echo "$HOME"\'';
  const r = parseShell(src);
  const text = (s: { start: number; end: number }) => src.slice(s.start, s.end);
  assert.deepEqual(r.commands.map(text), ['A=1 apt-get  install -y "x y" 2>&1', 'cd /app', 'sh -c \'echo "$HOME"\'', 'echo "$HOME"']);
  const [apt, , , echo] = r.commands;
  assert.deepEqual(apt.args.map(text), ['install', '-y', '"x y"']);
  assert.equal(text(apt.name!), 'apt-get');
  assert.equal(text(apt.assignments[0]), 'A=1');
  assert.equal(text(apt.assignments[0].value!), '1');
  assert.equal(text(apt.redirects[0]), '2>&1');
  assert.deepEqual(echo.args.map(text), ['"$HOME"']);
});

test('sh -c script spans map through double-quote escapes', () => {
  const src = 'bash -c "apt-get install -y \\"a b\\" && echo \\$HOME"';
  const r = parseShell(src);
  const inner = r.commands.filter((c) => c.context.includes('sh-c'));
  assert.deepEqual(inner.map(brief), ['apt-get install -y a b', 'echo $HOME']);
  assert.equal(src.slice(inner[0].args[2].start, inner[0].args[2].end), '\\"a b\\"');
  assert.equal(src.slice(inner[1].start, inner[1].end), 'echo \\$HOME');
  assert.equal(inner[1].args[0].dynamic, true, 'the outer shell passes $HOME through; the inner shell expands it');
  assert.equal(r.commands[0].args[1].dynamic, false, 'for the outer shell the escaped $ is literal');
});

test('mapOffset maps spans into the document (continuations removed by the caller)', () => {
  // Document: `RUN apt-get update \` NL `    && apt-get install -y curl`; the caller joins the logical text.
  const doc = 'RUN apt-get update \\\n    && apt-get install -y curl';
  const logical = 'apt-get update     && apt-get install -y curl';
  const cont = doc.indexOf('\\');
  const mapOffset = (o: number) => (o < cont - 4 ? o + 4 : o + 4 + 2); // logical 0 → doc 4; after the `\`+NL, +2
  const r = parseShell(logical, { mapOffset });
  assert.deepEqual(r.commands.map((c) => doc.slice(c.start, c.end)), ['apt-get update', 'apt-get install -y curl']);
  assert.deepEqual(r.commands[1].args.map((w) => doc.slice(w.start, w.end)), ['install', '-y', 'curl']);
  const bad = parseShell('echo "x', { mapOffset: (o) => o + 100 });
  assert.deepEqual(bad.errors[0].span, { start: 105, end: 106 });
});

test('escape option: a backquote line continuation is not a command substitution', () => {
  const src = 'apt-get install `\n  curl';
  assert.deepEqual(briefs(src), ['apt-get install `\n  curl', 'curl'], 'by default a backquote starts a substitution');
  const r = parseShell(src, { escape: '`' });
  assert.deepEqual(r.commands.map(brief), ['apt-get install curl']);
  assert.deepEqual(r.errors, []);
  assert.match(messages(parseShell(src)).join(), /unterminated backquote/);
});

// ---- words ------------------------------------------------------------------------------------------

const WORD_CASES: [string, string, boolean, boolean][] = [
  // raw, value, dynamic, quoted
  ['plain', 'plain', false, false],
  ["'single $x'", 'single $x', false, true],
  ['"dq $x \\" \\$ \\\\ \\n"', 'dq $x " $ \\ \\n', true, true],
  ['a\\ b', 'a b', false, true],
  ['$HOME/x', '$HOME/x', true, false],
  ['${A:-{b}}', '${A:-{b}}', true, false],
  ['"${A:-"x y"}"', '${A:-"x y"}', true, true],
  ['$(echo ")")', '$(echo ")")', true, false],
  ['`date`', '`date`', true, false],
  ["$'a\\tb\\x41\\n\\''", "a\tbA\n'", false, true],
  ['$"loc"', 'loc', false, true],
  ['*.txt', '*.txt', true, false],
  ['"*.txt"', '*.txt', false, true],
  ['file[12]', 'file[12]', true, false],
  ['[', '[', false, false],
  ['{a,b}', '{a,b}', true, false],
  ['{}', '{}', false, false],
  ['$((1+2))', '$((1+2))', true, false],
  ['x$', 'x$', false, false],
  ['a"b"\'c\'d', 'abcd', false, true],
  ['ünï', 'ünï', false, false],
];

test('word raw/value/dynamic/quoted (table)', () => {
  for (const [raw, value, dynamic, quoted] of WORD_CASES) {
    const r = parseShell(`echo ${raw}`);
    assert.deepEqual(r.errors, [], raw);
    const w = r.commands[0].args[0];
    assert.deepEqual({ raw: w.raw, value: w.value, dynamic: w.dynamic, quoted: w.quoted }, { raw, value, dynamic, quoted }, raw);
    assert.equal(w.start, 5, raw);
    assert.equal(w.end, 5 + raw.length, raw);
  }
});

test('assignments: plain, append, indexed, array, empty, quoted', () => {
  const r = parseShell('A=1 B+=x C[2]=y D=(a "b c") E= F="$X y" cmd arg=1');
  const c = r.commands[0];
  assert.deepEqual(c.assignments.map((a) => [a.name, a.value?.raw, a.value?.value]), [
    ['A', '1', '1'], ['B', 'x', 'x'], ['C', 'y', 'y'], ['D', '(a "b c")', '(a "b c")'], ['E', undefined, undefined], ['F', '"$X y"', '$X y'],
  ]);
  assert.equal(c.assignments[5].value!.dynamic, true);
  assert.equal(c.name!.value, 'cmd');
  assert.deepEqual(c.args.map((a) => a.value), ['arg=1'], 'assignment-like words after the name are arguments');
  const bare = parseShell('X=1').commands[0];
  assert.equal(bare.name, undefined);
  assert.equal(bare.assignments[0].name, 'X');
});

test('redirects: operators, fds, targets', () => {
  const r = parseShell('cmd >out 2>&1 >>log 2>/dev/null &>all &>>all2 <in 3<>rw >|clob <<<"str" >&2 0<&- a');
  const c = r.commands[0];
  assert.deepEqual(c.redirects.map((x) => [x.op, x.fd, x.target?.value]), [
    ['>', undefined, 'out'], ['2>&', 2, '1'], ['>>', undefined, 'log'], ['2>', 2, '/dev/null'], ['&>', undefined, 'all'],
    ['&>>', undefined, 'all2'], ['<', undefined, 'in'], ['3<>', 3, 'rw'], ['>|', undefined, 'clob'], ['<<<', undefined, 'str'],
    ['>&', undefined, '2'], ['0<&', 0, '-'], 
  ]);
  assert.deepEqual(c.args.map((a) => a.value), ['a']);
  assert.deepEqual(parseShell('> /tmp/x').commands.map((x) => [x.name, x.redirects[0].op]), [[undefined, '>']]);
  assert.deepEqual(parseShell('echo 2 > x').commands[0].args.map((a) => a.value), ['2'], 'a digit word separated by a blank is an argument');
});

test('here-documents: bodies are consumed, not parsed as commands', () => {
  const src = 'cat <<EOF > /etc/x && echo "$(cat <<-\'END\'\n\tinner\n\tEND\n)"\nrm -rf /\nEOF\necho after';
  const r = parseShell(src);
  assert.deepEqual(r.commands.map(brief), ['cat', 'echo $(cat <<-\'END\'\n\tinner\n\tEND\n)', 'cat', 'echo after']);
  assert.deepEqual(r.errors, []);
  const outer = r.commands[0].redirects[0];
  assert.equal(outer.op, '<<');
  assert.equal(outer.heredoc?.body, 'rm -rf /\n');
  assert.equal(outer.heredoc?.terminated, true);
  const inner = r.commands[2].redirects[0];
  assert.deepEqual([inner.op, inner.heredoc?.quoted, inner.heredoc?.stripTabs, inner.heredoc?.body], ['<<-', true, true, '\tinner\n']);
  assert.equal(r.commands[3].joinedBy, '\n');
  // Two here-docs on one line are read in order.
  const two = parseShell('cat <<A <<B | sh\na1\nA\nb1\nB\nls');
  assert.deepEqual(two.commands[0].redirects.map((x) => x.heredoc?.body), ['a1\n', 'b1\n']);
  assert.deepEqual(two.commands.map(brief), ['cat', 'sh', 'ls']);
  // A Dockerfile heredoc marker without a body in the text (RUN <<EOF ...) is not an error.
  assert.deepEqual(parseShell('cat <<EOF > /x').errors, []);
});

// ---- errors and tolerance ----------------------------------------------------------------------------

const ERROR_CASES: { src: string; error: RegExp; span?: [number, number]; cmds: string[] }[] = [
  { src: 'apt-get install -y curl &&', error: /expected a command after '&&'/, span: [24, 26], cmds: ['apt-get install -y curl'] },
  { src: 'apt-get install -y curl && \\\n', error: /expected a command after '&&'/, cmds: ['apt-get install -y curl'] },
  { src: 'curl x |', error: /expected a command after '\|'/, cmds: ['curl x'] },
  { src: '&& a', error: /expected a command before '&&'/, span: [0, 2], cmds: ['a'] },
  { src: 'echo "unterminated', error: /unterminated double quote/, span: [5, 6], cmds: ['echo unterminated'] },
  { src: "echo 'x y", error: /unterminated single quote/, cmds: ['echo x y'] },
  { src: "echo $'x", error: /unterminated \$'...' string/, cmds: ['echo x'] },
  { src: 'echo $(date', error: /unterminated '\$\('/, span: [5, 7], cmds: ['echo $(date', 'date'] },
  { src: 'echo ${x', error: /unterminated '\$\{'/, cmds: ['echo ${x'] },
  { src: 'echo $((1+', error: /unterminated '\$\(\('/, cmds: ['echo $((1+'] },
  { src: 'echo `date', error: /unterminated backquote/, cmds: ['echo `date', 'date'] },
  { src: 'if true; then echo a', error: /'if' without matching 'fi'/, span: [0, 2], cmds: ['true', 'echo a'] },
  { src: 'if true', error: /'if' without 'then'/, cmds: ['true'] },
  { src: 'while true; do x', error: /'while' without matching 'done'/, cmds: ['true', 'x'] },
  { src: 'for x in a b', error: /'for' without 'do'/, cmds: [] },
  { src: 'case x in a) b;;', error: /'case' without matching 'esac'/, cmds: ['b'] },
  { src: 'case x in a b) c;; esac', error: /expected '\)' after a case pattern/, cmds: ['b', 'c'] },
  { src: '(a; b', error: /missing '\)' for '\('/, span: [0, 1], cmds: ['a', 'b'] },
  { src: '{ a; b', error: /missing '\}' for '\{'/, cmds: ['a', 'b'] },
  { src: 'a ) b', error: /unexpected '\)'/, cmds: ['a', 'b'] },
  { src: 'fi; echo', error: /unexpected 'fi'/, cmds: ['echo'] },
  { src: 'a ;; b', error: /unexpected ';;' outside 'case'/, cmds: ['a', 'b'] },
  { src: '(a) b', error: /expected ';' or a newline/, cmds: ['a', 'b'] },
  { src: 'echo >', error: /missing target for '>'/, cmds: ['echo'] },
  { src: 'cat <<EOF\nbody\n', error: /here-document delimited by 'EOF' is not terminated/, cmds: ['cat'] },
  { src: '[[ -f x', error: /'\[\[' without matching '\]\]'/, cmds: ['[[ -f x'] },
  { src: '! ', error: /expected a command after '!'/, cmds: [] },
  { src: 'f() ', error: /expected a function body/, cmds: [] },
];

test('reports errors and keeps what it could parse (table)', () => {
  for (const { src, error, span, cmds } of ERROR_CASES) {
    const r = parseShell(src);
    assert.ok(r.errors.some((e) => error.test(e.message)), `${JSON.stringify(src)}: ${JSON.stringify(messages(r))}`);
    if (span) assert.deepEqual([r.errors[0].span.start, r.errors[0].span.end], span, src);
    assert.deepEqual(r.commands.map(brief), cmds, src);
  }
});

test('caps nesting depth without overflowing the stack', () => {
  const N = 10_000;
  const inputs = [
    'echo ' + '$( '.repeat(N) + 'x' + ' )'.repeat(N),
    '$('.repeat(N),
    '{ '.repeat(N) + 'x; ' + '} '.repeat(N),
    'if a; then '.repeat(N) + 'x' + '; fi'.repeat(N),
    'echo ' + '${a:-'.repeat(N) + '}'.repeat(N),
    'echo "' + '${a:-"'.repeat(N),
    'case a in x) '.repeat(N),
    'f() { '.repeat(N),
    '( '.repeat(N),
  ];
  for (const src of inputs) {
    const t = Date.now();
    const r = parseShell(src);
    assert.ok(Date.now() - t < 10_000, 'no hang'); // a hang guard, not a speed target (speed: npm run bench)
    assert.ok(r.errors.some((e) => e.message.startsWith(`nesting deeper than ${MAX_SHELL_DEPTH}`)), src.slice(0, 20));
    assert.ok(r.errors.length < 5, 'no cascade of errors after the cap');
  }
  // Within the cap, deep nesting still parses fully.
  const ok = parseShell('echo ' + '$( '.repeat(40) + 'x' + ' )'.repeat(40));
  assert.deepEqual(ok.errors, []);
  assert.equal(ok.commands.at(-1)!.name!.value, 'x');
  assert.equal(ok.commands.at(-1)!.context.length, 40);
});

test('pathological inputs stay linear', () => {
  const inputs = ['"'.repeat(200_001), '$('.repeat(100_000), '`'.repeat(100_001), '${'.repeat(100_000), "'".repeat(100_001),
    'cat <<A\n'.repeat(30_000), '@('.repeat(100_000), '((('.repeat(50_000), '\\'.repeat(200_001), '; '.repeat(100_000), ')'.repeat(100_000)];
  for (const src of inputs) {
    const t = Date.now();
    parseShell(src);
    assert.ok(Date.now() - t < 10_000, `${JSON.stringify(src.slice(0, 6))} took ${Date.now() - t} ms: quadratic?`); // hang guard
  }
});

// ---- fuzz ---------------------------------------------------------------------------------------------

function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ATOMS = ['a', 'b', ' ', ' ', '\n', ';', ';;', '&', '&&', '|', '||', '(', ')', '{', '}', '$', '$(', '${', '`', '"', "'", '\\',
  '\\\n', '<', '>', '<<', 'EOF', '#', '*', '[', ']', '[[', ']]', '!', 'if ', 'then ', 'fi', 'do ', 'done', 'for x in ', 'case ',
  ' in ', 'esac', 'while ', '=', 'X=', 'sh -c ', '((', '))', '$((', "$'", '-', '2>&1', 'function ', '<(', ',', '\t', '\r', 'é',
  '\ud83d', 'elif ', 'else ', '<<-', '\\`', "'\\''"];

function checkInvariants(src: string, r: ShScript): void {
  const where = JSON.stringify(src);
  for (const e of r.errors) {
    assert.ok(!e.message.startsWith('internal'), `${where}: ${e.message}`);
    assert.ok(e.span.start >= 0 && e.span.start <= e.span.end && e.span.end <= src.length, `${where}: error span`);
  }
  let prev = -1;
  for (const c of r.commands) {
    assert.ok(c.start >= prev, `${where}: commands out of order`);
    prev = c.start;
    assert.ok(c.start >= 0 && c.start <= c.end && c.end <= src.length, `${where}: command span`);
    assert.ok(c.pipelineIndex < c.pipelineLength, `${where}: pipeline index`);
    for (const w of c.name ? [c.name, ...c.args] : c.args) assert.ok(w.start >= 0 && w.start < w.end && w.end <= src.length, `${where}: word span`);
  }
}

test('fuzz: never throws, terminates, keeps spans in bounds and commands in order', () => {
  const rnd = mulberry32(20240601);
  const deadline = Date.now() + 3000;
  let n = 0;
  while (n < 200 || (n < 200_000 && Date.now() < deadline)) {
    const len = Math.floor(rnd() * (n % 50 === 0 ? 400 : 40));
    let src = '';
    for (let i = 0; i < len; i++) src += ATOMS[Math.floor(rnd() * ATOMS.length)];
    const r = parseShell(src);
    checkInvariants(src, r);
    n++;
  }
  assert.ok(n >= 200);
});

test('fuzz: random characters and truncated realistic scripts', () => {
  const rnd = mulberry32(7);
  const real = 'set -eux; apt-get update && apt-get install -y --no-install-recommends "curl" \'git\' && rm -rf /var/lib/apt/lists/*; '
    + 'if [ "$(uname -m)" = x86_64 ]; then curl -fsSL https://x/$(echo a)/b | sh -s -- -y; fi; for f in /a/*; do echo "${f##*/}"; done; '
    + 'case $x in a) bash -c "echo \\"$y\\" `id`";; esac; cat <<EOF > /e\nbody\nEOF\n';
  for (let i = 0; i <= real.length; i++) checkInvariants(real.slice(0, i), parseShell(real.slice(0, i)));
  for (let k = 0; k < 3000; k++) {
    let src = '';
    const len = Math.floor(rnd() * 60);
    for (let i = 0; i < len; i++) src += String.fromCharCode(Math.floor(rnd() * 128));
    checkInvariants(src, parseShell(src));
  }
});

test('never throws even when mapOffset throws', () => {
  const r = parseShell('echo a', { mapOffset: () => { throw new Error('boom'); } });
  assert.match(messages(r).join(), /internal shell parser error: boom/);
});

// ---- helpers (commands.ts) ---------------------------------------------------------------------------

const cmd = (s: string): ShCommand => parseShell(s).commands[0];

test('commandName returns the basename', () => {
  assert.equal(commandName(cmd('/usr/bin/apt-get install x')), 'apt-get');
  assert.equal(commandName(cmd('"apt-get" x')), 'apt-get');
  assert.equal(commandName(cmd('A=1')), undefined);
});

test('hasFlag understands clusters, long flags with values, -- and option values', () => {
  const apt = packageManagerSpec('apt-get');
  const cases: [string, string | undefined, string[], boolean][] = [
    ['apt-get install -y curl', 'y', ['yes'], true],
    ['apt-get install -qqy curl', 'y', ['yes'], true],
    ['apt-get install --yes curl', 'y', ['yes', 'assume-yes'], true],
    ['apt-get install --assume-yes=true curl', 'y', ['yes', 'assume-yes'], true],
    ['apt-get install curl', 'y', ['yes'], false],
    ['apt-get install -- -y', 'y', ['yes'], false],
    ['apt-get -oy=1 install curl', 'y', ['yes'], false], // -o takes a value
    ['apt-get -o y install curl', 'y', ['yes'], false],
    ['apt-get install --yesno curl', undefined, ['yes'], false],
  ];
  for (const [src, short, long, expected] of cases) assert.equal(hasFlag(cmd(src), short, long, apt), expected, src);
  assert.equal(hasFlag(cmd('apt-get -oy=1 install'), 'y'), true, 'without a spec every letter is a flag');
  assert.equal(findFlag(cmd('apt-get install -qy curl'), 'y')?.raw, '-qy');
});

test('flagValue and positionalArgs', () => {
  const apt = packageManagerSpec('apt-get');
  assert.equal(flagValue(cmd('apt-get -o Dpkg::Use-Pty=0 install x'), 'o', 'option', apt), 'Dpkg::Use-Pty=0');
  assert.equal(flagValue(cmd('apt-get -tbuster install x'), 't', 'target-release', apt), 'buster');
  assert.equal(flagValue(cmd('apt-get --target-release=sid install x'), 't', 'target-release', apt), 'sid');
  assert.equal(flagValue(cmd('apt-get --target-release sid install x'), 't', 'target-release', apt), 'sid');
  assert.equal(flagValue(cmd('apt-get install x'), 't', 'target-release', apt), undefined);
  assert.deepEqual(positionalArgs(cmd('apt-get -o a=b -q install --no-install-recommends x -- -y'), apt).map((w) => w.value), ['install', 'x', '-y']);
});

test('isPackageManagerInstall recognises installs and their packages', () => {
  const cases: [string, string | undefined, string[]][] = [
    ['apt-get -q install -y --no-install-recommends curl git=1:2.3', 'apt-get', ['curl', 'git=1:2.3']],
    ['/usr/bin/apt install -y curl', 'apt', ['curl']],
    ['apk add --no-cache --virtual .build gcc', 'apk', ['gcc']],
    ['yum install -y httpd', 'yum', ['httpd']],
    ['zypper in -y vim', 'zypper', ['vim']],
    ['pip install -r req.txt flask', 'pip', ['flask']],
    ['npm i -g yarn', 'npm', ['yarn']],
    ['apt-get update', undefined, []],
    ['apt-get -o install update', undefined, []],
    ['echo apt-get install x', undefined, []],
  ];
  for (const [src, manager, packages] of cases) {
    const r = isPackageManagerInstall(cmd(src));
    assert.equal(r?.manager, manager, src);
    assert.deepEqual(r?.packages.map((w) => w.value) ?? [], packages, src);
  }
});

test('baseName and commandName: paths, bare names, trailing slashes', () => {
  assert.deepEqual(['/usr/bin/apt-get', 'apt-get', '/', 'a/', '', './x/y', '//z'].map(baseName), ['apt-get', 'apt-get', '', '', '', 'y', 'z']);
});

test('pipeline lengths with compound elements in any position', () => {
  const got = (src: string) => parseShell(src).commands.map((c) => [brief(c), c.pipelineIndex, c.pipelineLength]);
  assert.deepEqual(got('a'), [['a', 0, 1]]);
  assert.deepEqual(got('{ a; } | b | c'), [['a', 0, 1], ['b', 1, 3], ['c', 2, 3]]);
  assert.deepEqual(got('a | (b) | { c; }'), [['a', 0, 3], ['b', 0, 1], ['c', 0, 1]]);
  assert.deepEqual(got('(a) | b'), [['a', 0, 1], ['b', 1, 2]]);
  assert.deepEqual(got('a | $(b | c) | d'), [['a', 0, 3], ['$(b | c)', 1, 3], ['b', 0, 2], ['c', 1, 2], ['d', 2, 3]]);
});

test('a substitution in an sh -c script is reported once, the first time it is read', () => {
  const r = parseShell('sh -c "echo $(id -u) `whoami`" && echo $(date)');
  assert.deepEqual(r.commands.map(brief), ['sh -c echo $(id -u) `whoami`', 'echo $(id -u) `whoami`', 'id -u', 'whoami', 'echo $(date)', 'date']);
});

test('positionalArgs: clusters, values in the word or the next one, long options, --', () => {
  const spec = { shortWithValue: 'ot', longWithValue: ['option', 'target-release'] };
  const cases: [string, string[]][] = [
    ['x -o v a', ['a']], // -o takes the next word
    ['x -ov a', ['a']], // ... or the rest of its word
    ['x -qo v a', ['a']], // the value flag ends the cluster
    ['x -oq a', ['a']], // q is -o's value
    ['x -qy a', ['a']],
    ['x a -o', ['a']], // no word left for the value
    ['x --option v a', ['a']],
    ['x --option=v a', ['a']],
    ['x --optionx v a', ['v', 'a']], // not a value option: only a prefix matches
    ['x --opt v a', ['v', 'a']],
    ['x --target-release sid a', ['a']],
    ['x - a', ['-', 'a']], // `-` alone is an operand
    ['x ---option v', ['v']], // a long option named `-option`
    ['x -$FLAG a', ['-$FLAG', 'a']], // dynamic: an operand
    ['x --$OPT a', ['a']], // long options are read even when dynamic
    ['x a -- -o b', ['a', '-o', 'b']],
    ['x -- --', ['--']],
  ];
  for (const [src, expected] of cases) assert.deepEqual(positionalArgs(cmd(src), spec).map((w) => w.value), expected, src);
  assert.deepEqual(positionalArgs(cmd('x -o v a')).map((w) => w.value), ['v', 'a'], 'without a spec no option takes a value');
  assert.equal(flagValue(cmd('x -qt sid a'), 't', 'target-release', spec), 'sid');
  assert.deepEqual(flagValue(cmd('x --target-release sid --target-release=bookworm'), 't', 'target-release', spec), 'bookworm');
});

// ---- the shell reading of a Dockerfile (analysis.ts, packages.ts) --------------------------------------

const analysed = (text: string) => {
  const ast = parseDockerfile(text).ast;
  return { ast, analysis: new DockerfileAnalysis(ast), runs: ast.instructions.filter((i) => i.keyword === 'RUN') };
};

test('RUN spans map through line continuations and comment lines', () => {
  const text = 'FROM debian\nRUN apt-get update \\\n  # a comment\n    && apt-get install -y \\\n      curl git \\\n && rm -rf /x\n';
  const { analysis, runs } = analysed(text);
  const script = analysis.shell(runs[0]);
  const at = (s: { start: number; end: number }) => text.slice(s.start, s.end);
  assert.deepEqual(script.commands.map(at), ['apt-get update', 'apt-get install -y \\\n      curl git', 'rm -rf /x']);
  assert.deepEqual(script.commands[1].args.map(at), ['install', '-y', 'curl', 'git']);
  // Every offset maps as the Dockerfile's own source map does, in any order asked.
  const i = runs[0];
  const reference = parseShell(i.rest, { mapOffset: (o) => toSource(i.map, i.restOffset + o) });
  assert.deepEqual(script.commands, reference.commands);
});

test('shell(): heredoc scripts, exec form, and the same answer however the questions alternate', () => {
  const text = [
    'FROM alpine', 'RUN <<EOF', 'apk add curl', 'EOF', 'RUN cat <<EOF > /f', 'apk add x', 'EOF', 'RUN bash <<EOF', 'cd /; apk add y', 'EOF',
    'RUN ["apk", "add", "z"]', 'RUN   ', 'RUN echo a # c', '',
  ].join('\n');
  const { analysis, runs } = analysed(text);
  const names = (i: Instruction) => analysis.shell(i).commands.map((c) => brief(c));
  assert.deepEqual(runs.map(names), [['apk add curl'], ['cat'], ['bash', 'cd /', 'apk add y'], [], [], ['echo a']]);
  const first = runs.map((i) => analysis.shell(i));
  for (const i of [...runs].reverse()) analysis.shell(i);
  assert.ok(runs.every((i, k) => analysis.shell(i) === first[k] && analysis.shell(i) === first[k]), 'one reading per RUN');
});

test('managersOf / runsManager / packageCommand read wrappers, python -m and versioned names', () => {
  const text = [
    'FROM debian', 'RUN cd /x && echo hi', 'RUN sudo -E apt-get install -y curl', 'RUN env A=1 python3.11 -m pip install x',
    'RUN pip3.12 install y && dnf-3 install -y z', 'RUN python -c "print(1)" && pipenv install', 'RUN time nice -n 5 npm ci', '',
  ].join('\n');
  const { analysis, runs } = analysed(text);
  assert.deepEqual(runs.map((i) => [...analysis.managersOf(i)]), [[], ['apt-get'], ['pip'], ['pip', 'dnf'], [], ['npm']]);
  assert.equal(analysis.runsManager(runs[0], 'apt-get'), false);
  assert.equal(analysis.runsManager(runs[3], 'apt-get', 'yum', 'dnf'), true);
  assert.equal(analysis.managersOf(runs[0]), analysis.managersOf(runs[4]), 'RUNs without managers share one empty answer');
  const sudo = analysis.shell(runs[1]).commands[0];
  const p = packageCommand(sudo)!;
  assert.equal(p, packageCommand(sudo), 'one reading per command');
  assert.equal(p.source, sudo);
  assert.equal(p.head.value, 'apt-get');
  assert.deepEqual(p.positionals.map((w) => w.value), ['install', 'curl']);
  const py = packageCommand(analysis.shell(runs[2]).commands[0])!;
  assert.equal(py.head.value, 'python3.11');
  assert.deepEqual(py.positionals.map((w) => w.value), ['install', 'x']);
  assert.deepEqual(analysis.shell(runs[4]).commands.map((c) => packageCommand(c)), [undefined, undefined]);
});

test('variables resolve by instruction position: ONBUILD triggers, other documents, lists out of order', () => {
  const text = 'ARG G=g\nFROM alpine\nARG A=1\nONBUILD RUN echo $A\nENV B=2\nRUN echo $A $B\n';
  const { ast, analysis } = analysed(text);
  const [, , argA, onbuild, , run] = ast.instructions;
  assert.equal(argA.keyword, 'ARG');
  assert.deepEqual(analysis.resolve('B', run), { declared: true, value: '2' });
  assert.deepEqual(analysis.resolve('B', onbuild.trigger!), { declared: false }, 'a trigger sits where its ONBUILD is');
  assert.deepEqual(analysis.resolve('A', onbuild.trigger!), { declared: true, value: '1' });
  const other = parseDockerfile(text).ast.instructions[5];
  assert.deepEqual(analysis.resolve('A', other), { declared: false }, 'an instruction of another parse is before everything');
  assert.deepEqual(analysis.resolve('G', ast.stages[0].from), { declared: true, value: 'g' });
  // A list whose offsets are not ascending (the parser never makes one) is looked up by identity.
  const shuffled = new DockerfileAnalysis({ ...ast, instructions: [ast.instructions[1], ast.instructions[0], ...ast.instructions.slice(2)] });
  assert.deepEqual(shuffled.resolve('B', run), { declared: true, value: '2' });
  assert.deepEqual(shuffled.resolve('G', ast.stages[0].from), { declared: false }, 'G now comes after the FROM');
});

test('a constant offset maps spans as the same shift through mapOffset does, and each script gets its own command list', () => {
  const script = 'apt-get update && apt-get install -y curl | tee log; echo "$(id -u)"';
  const viaOffset = parseShell(script, { offset: 40 });
  const viaMap = parseShell(script, { mapOffset: (o) => o + 40 });
  assert.deepEqual(viaOffset, viaMap);
  assert.notEqual(viaOffset.commands, viaMap.commands);
  assert.deepEqual(parseShell('a; b', { offset: 3, mapOffset: (o) => o }).commands.map((c) => c.start), [0, 3]);
});
