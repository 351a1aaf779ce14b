// Templates: snippet syntax round-trips, every whole-file template lints clean with the recommended
// profile, compose templates validate against the Compose schema, the generated snippet files and
// package.json match the templates, and "New Dockerfile…" writes the same text the snippets expand to.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import Ajv2020 from 'ajv/dist/2020';
import YAML from 'yaml';
import { lint } from '../../server/src/core/engine';
import { mapWorkspace } from '../../server/src/core/workspace';
import {
  SCAFFOLD_LAYOUTS, SNIPPET_FILES, STACKS, TEMPLATES, expandBody, expandSnippet, parseSnippetFile, scaffold, snippetFiles, snippetText,
  type Stack, type Template,
} from '../../server/src/core/templates';
import { choice, snippet, tab } from '../../server/src/core/templates/snippet';
import { dockerfileTemplate } from '../../server/src/core/templates/dockerfile';
import { dockerignoreBody } from '../../server/src/core/templates/dockerignore';

/** The repository root, wherever this test was compiled to (out/test/unit, or a bundle run from the repo). */
function findRoot(): string {
  for (const start of [__dirname, process.cwd()]) {
    for (let dir = start; ; dir = path.dirname(dir)) {
      const pkg = path.join(dir, 'package.json');
      if (fs.existsSync(pkg) && JSON.parse(fs.readFileSync(pkg, 'utf8')).name === 'seaworthy') return dir;
      if (path.dirname(dir) === dir) break;
    }
  }
  return path.resolve(__dirname, '../../..');
}
const ROOT = findRoot();
const SCHEMA = path.join(ROOT, 'server/src/core/compose/schema/compose-spec.json');

// ---- Snippet syntax ---------------------------------------------------------------------------

test('expandSnippet takes every default: placeholders, choices, mirrors, variables, escapes', () => {
  const cases: [string, string][] = [
    ['FROM node:${1:22}-slim', 'FROM node:22-slim'],
    ['FROM node:$1 ${1:22}', 'FROM node:22 22'], // a mirror before the defining placeholder
    ['${1|bookworm-slim,alpine|}', 'bookworm-slim'],
    ['${1|a\\,b,c|} $1', 'a,b a,b'],
    ['a$0b$2c', 'abc'],
    ['${1:outer ${2:inner}} $2', 'outer inner inner'],
    ['${TM_FILENAME}', ''],
    ['${TM_FILENAME:Dockerfile}', 'Dockerfile'],
    ['$TM_SELECTED_TEXT.', '.'],
    ['$FOO ${BAR} ${BAZ:qux}', 'FOO BAR qux'], // unknown variables: VS Code shows their name
    ['${1|a,,b|}', '${1|a,,b|}'], // an empty choice makes it text, as in VS Code
    ['${1|$x,}y|}', '$x'], // in a choice, $ and } are plain text
    ['\\$PATH \\${X} \\\\ \\x', '$PATH ${X} \\ \\x'],
    ['${1:a\\}b}', 'a}b'],
    ['$ ${ $( ${1', '$ ${ $( ${1'], // not constructs: literal, as in VS Code
    ['RUN a \\\n    && b', 'RUN a \\\n    && b'], // a continuation backslash stays
    ['${1:app} ${1/(.*)/${1:/upcase}/}', 'app APP'],
  ];
  for (const [src, want] of cases) assert.equal(expandSnippet(src), want, src);
  assert.equal(expandSnippet('${WORKSPACE_NAME:demo}', { variables: { WORKSPACE_NAME: 'shop' } }), 'shop');
});

test('literal text survives snippetText + expandSnippet, whatever it contains', () => {
  const unit = fc.constantFrom('$', '\\', '}', '{', '|', ',', ':', '/', '1', 'a', '_', ' ', '\n');
  fc.assert(fc.property(fc.string({ unit }), fc.string({ unit }), fc.string({ unit }), (a, b, c) => {
    assert.equal(expandBody(snippet`${a}${tab(1, b)}${c}${tab(1)}`), a + b + c + b);
    if (b) assert.equal(expandBody(snippet`${a}${choice(2, b, 'x')}${c}`), a + b + c);
    assert.equal(expandSnippet(snippetText(snippet`${a}`)), a);
  }), { numRuns: 500 });
});

// ---- Catalogue --------------------------------------------------------------------------------

test('prefixes are unique sw- names and every template is described', () => {
  const seen = new Set<string>();
  for (const t of TEMPLATES) {
    assert.match(t.prefix, /^sw-[a-z0-9]+(-[a-z0-9]+)*$/, t.prefix);
    assert.ok(!seen.has(t.prefix), `duplicate prefix ${t.prefix}`);
    seen.add(t.prefix);
    assert.ok(t.name.trim() && t.description.length > 40, `${t.prefix}: name and a real description`);
    assert.doesNotMatch(expandBody(t.body), /\$\{?\d/, `${t.prefix}: a tab stop VS Code would not parse (left as text)`);
  }
  for (const p of ['sw-node', 'sw-node-dev', 'sw-python', 'sw-python-dev', 'sw-go', 'sw-go-dev', 'sw-user-debian', 'sw-user-alpine', 'sw-healthcheck', 'sw-apt', 'sw-cache-npm', 'sw-cache-pip', 'sw-cache-go', 'sw-cache-apt', 'sw-compose-dev', 'sw-compose-prod', 'sw-dockerignore-node']) {
    assert.ok(seen.has(p), `missing ${p}`);
  }
});

const dockerfiles = TEMPLATES.filter((t) => t.language === 'dockerfile' && t.wholeFile);

test('Dockerfile templates follow the house conventions', () => {
  assert.equal(dockerfiles.length, 6);
  for (const t of dockerfiles) {
    const text = expandBody(t.body);
    const lines = text.split('\n');
    assert.equal(lines[0], '# syntax=docker/dockerfile:1', `${t.prefix}: syntax directive first`);
    assert.ok(!/\$\{?\d/.test(text), `${t.prefix}: a tab stop was left unexpanded`);
    // Every stage that installs dependencies does it before copying the whole context.
    for (const stage of text.split(/^FROM /m).slice(1)) {
      const install = stage.search(/npm ci|pip install|go mod download/);
      const copyAll = stage.search(/^COPY (--chown=\S+ )?\. \./m);
      if (install >= 0 && copyAll >= 0) assert.ok(install < copyAll, `${t.prefix}: install after COPY . . in stage ${stage.split('\n')[0]}`);
    }
    for (const l of lines.filter((x) => /^(CMD|ENTRYPOINT) /.test(x))) assert.match(l, /^(CMD|ENTRYPOINT) \[/, `${t.prefix}: exec form: ${l}`);
    const finalStage = text.split(/^FROM /m).pop()!;
    assert.match(finalStage, /^USER (?!root\b|0\b)\S+/m, `${t.prefix}: final stage runs as non-root`);
    if (t.prefix.endsWith('-dev')) assert.match(text, /^FROM .* AS dev$/m, `${t.prefix}: has a dev target`);
    if (t.prefix.endsWith('-dev')) assert.match(finalStage, /^\S+ AS prod$/m, `${t.prefix}: prod is the last (default) target`);
  }
});

// ---- Lint clean -------------------------------------------------------------------------------

/** Files an app of each stack has beside its Dockerfile, so workspace-aware rules see a real project. */
function projectFiles(stack: Stack): Record<string, string> {
  const src: Record<Stack, Record<string, string>> = {
    node: { 'package.json': '{"name":"app","scripts":{"build":"tsc","dev":"tsx watch src/server.ts"}}\n', 'package-lock.json': '{}\n', 'src/server.ts': 'export {};\n' },
    python: { 'requirements.txt': 'fastapi==0.115.0\nuvicorn==0.30.0\n', 'app/__init__.py': '', 'app/main.py': 'from fastapi import FastAPI\napp = FastAPI()\n' },
    go: { 'go.mod': 'module example.com/app\n\ngo 1.25\n', 'go.sum': '', 'main.go': 'package main\n\nfunc main() {}\n' },
  };
  return { ...src[stack], '.dockerignore': expandBody(dockerignoreBody(stack)) };
}

function findingsOf(text: string, kind: 'dockerfile' | 'compose', files: Record<string, string>) {
  const r = lint({ text, kind, path: kind === 'dockerfile' ? 'Dockerfile' : 'compose.yaml', workspace: mapWorkspace(files) });
  assert.deepEqual(r.ruleErrors, [], 'a rule crashed');
  return r.findings.map((f) => `${f.rule} (line ${f.range.start.line + 1}): ${f.message}`);
}

for (const t of dockerfiles) {
  test(`${t.prefix}: expanded with its defaults, lints with zero findings (recommended profile)`, () => {
    assert.deepEqual(findingsOf(expandBody(t.body), 'dockerfile', projectFiles(t.stack!)), []);
  });
}

/** Where each Dockerfile fragment goes in a minimal file: [before, after]. */
const FRAGMENT_CONTEXT: Record<string, [string, string]> = {
  'sw-user-debian': ['FROM debian:12-slim\n', 'CMD ["app"]\n'],
  'sw-user-alpine': ['FROM alpine:3.20\n', 'CMD ["app"]\n'],
  'sw-healthcheck': ['FROM debian:12-slim\nUSER 10001:10001\n', 'CMD ["app"]\n'],
  'sw-healthcheck-node': ['FROM node:22-bookworm-slim\nUSER node\n', 'CMD ["node", "server.js"]\n'],
  'sw-healthcheck-python': ['FROM python:3.13-slim-bookworm\nUSER 10001:10001\n', 'CMD ["python", "app.py"]\n'],
  'sw-apt': ['FROM debian:12-slim\n', 'USER 10001:10001\nCMD ["app"]\n'],
  'sw-cache-apt': ['FROM debian:12-slim\n', 'USER 10001:10001\nCMD ["app"]\n'],
  'sw-cache-npm': ['FROM node:22-bookworm-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\n', 'USER node\nCMD ["node", "server.js"]\n'],
  'sw-cache-pip': ['FROM python:3.13-slim-bookworm\nWORKDIR /app\nCOPY requirements.txt ./\n', 'USER 10001:10001\nCMD ["python", "app.py"]\n'],
  'sw-cache-go': ['FROM golang:1.25-bookworm AS build\nWORKDIR /src\n', 'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /out/app /app\nUSER nonroot:nonroot\nENTRYPOINT ["/app"]\n'],
};
/** Findings a fragment may keep: it leaves that choice to the user filling in its tab stops. */
const FRAGMENT_ALLOWED: Record<string, string> = {
  'apt-unpinned-package': 'the package list is a tab stop; a pinned default version would soon vanish from the archive',
};

test('Dockerfile fragments, placed in a minimal file, lint clean', () => {
  const fragments = TEMPLATES.filter((t) => t.language === 'dockerfile' && !t.wholeFile);
  for (const t of fragments) {
    const ctx = FRAGMENT_CONTEXT[t.prefix];
    assert.ok(ctx, `${t.prefix}: add a context to FRAGMENT_CONTEXT`);
    const files = { ...projectFiles('node'), ...projectFiles('python'), ...projectFiles('go') };
    const found = findingsOf(ctx[0] + expandBody(t.body) + ctx[1], 'dockerfile', files).filter((f) => !(f.split(' ')[0] in FRAGMENT_ALLOWED));
    assert.deepEqual(found, [], t.prefix);
  }
});

const composeTemplates = TEMPLATES.filter((t) => t.language === 'dockercompose' && t.wholeFile);

function composeFiles(stack: Stack): Record<string, string> {
  return { ...projectFiles(stack), Dockerfile: expandBody(dockerfileTemplate(stack, true).body), 'secrets/database_url.txt': 'postgres://…' };
}

for (const t of composeTemplates) {
  test(`${t.prefix}: expanded with its defaults, lints with zero findings (recommended profile)`, () => {
    assert.deepEqual(findingsOf(expandBody(t.body), 'compose', composeFiles('node')), []);
  });
}

test('the dev compose file keeps databases private and passwords out of the file', () => {
  const doc = YAML.parse(expandBody(composeTemplates.find((t) => t.prefix === 'sw-compose-dev')!.body));
  assert.equal(doc.services.db.ports, undefined);
  assert.equal(doc.services.cache.ports, undefined);
  assert.match(doc.services.db.environment.POSTGRES_PASSWORD, /^\$\{POSTGRES_PASSWORD:\?.+\}$/);
  for (const dep of Object.values(doc.services.app.depends_on) as { condition: string }[]) assert.equal(dep.condition, 'service_healthy');
  for (const s of ['db', 'cache']) assert.ok(doc.services[s].healthcheck?.test, `${s} has a healthcheck`);
  assert.deepEqual(Object.keys(doc.volumes).sort(), ['cache-data', 'db-data']);
});

test('the production compose file is hardened', () => {
  const app = YAML.parse(expandBody(composeTemplates.find((t) => t.prefix === 'sw-compose-prod')!.body)).services.app;
  assert.equal(app.read_only, true);
  assert.ok(app.tmpfs.length);
  assert.deepEqual(app.cap_drop, ['ALL']);
  assert.deepEqual(app.security_opt, ['no-new-privileges:true']);
  assert.ok(app.deploy.replicas && app.deploy.update_config && app.deploy.rollback_config && app.deploy.restart_policy);
  assert.ok(app.deploy.resources.limits.memory && app.deploy.resources.limits.cpus);
  assert.ok(app.logging.options['max-size'] && app.logging.options['max-file']);
  assert.ok(app.secrets.length);
});

// ---- Compose schema ---------------------------------------------------------------------------

test('compose templates (snippets and every scaffold) validate against the Compose schema', {
  skip: fs.existsSync(SCHEMA) ? false : `vendored Compose schema not found at ${path.relative(ROOT, SCHEMA)} (added in a separate change)`,
}, () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  const validate = ajv.compile(JSON.parse(fs.readFileSync(SCHEMA, 'utf8')));
  const docs: [string, string][] = composeTemplates.map((t) => [t.prefix, expandBody(t.body)]);
  for (const s of STACKS) for (const compose of ['dev', 'prod'] as const) {
    docs.push([`scaffold ${s.id} ${compose}`, scaffold({ stack: s.id, devTarget: false, compose }).find((f) => f.path === 'compose.yaml')!.text]);
  }
  for (const [name, text] of docs) {
    const ok = validate(YAML.parse(text));
    assert.ok(ok, `${name}: ${ajv.errorsText(validate.errors)}`);
  }
  // The check can fail: a wrong field is rejected.
  assert.equal(validate(YAML.parse('services:\n  app:\n    image: x\n    deploy:\n      replica: 2\n')), false);
});

// ---- Generated files --------------------------------------------------------------------------

test('snippets/*.code-snippets are generated from the templates (run `npm run snippets`)', () => {
  for (const [file, text] of snippetFiles()) {
    const onDisk = path.join(ROOT, file);
    assert.ok(fs.existsSync(onDisk), `${file} is missing`);
    assert.equal(fs.readFileSync(onDisk, 'utf8'), text, `${file} is stale: run npm run snippets`);
  }
});

test('package.json contributes each snippet file and the New Dockerfile command', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  for (const [language, file] of Object.entries(SNIPPET_FILES)) {
    assert.ok(pkg.contributes.snippets.some((s: { language: string; path: string }) => s.language === language && path.normalize(s.path) === path.normalize(file)), `no snippets contribution for ${language}`);
  }
  assert.ok(pkg.contributes.commands.some((c: { command: string }) => c.command === 'seaworthy.newDockerfile'));
  assert.ok(pkg.scripts.snippets);
});

// ---- "New Dockerfile…" ------------------------------------------------------------------------

/** What VS Code inserts for a snippet when every tab stop is left at its default. */
function fromSnippetFile(t: Template): string {
  const file = parseSnippetFile(fs.readFileSync(path.join(ROOT, SNIPPET_FILES[t.language]), 'utf8'));
  const entry = file[t.name];
  assert.ok(entry && entry.prefix === t.prefix, `${t.prefix} is not in ${SNIPPET_FILES[t.language]}`);
  return expandSnippet(Array.isArray(entry.body) ? entry.body.join('\n') : entry.body);
}

test('New Dockerfile… writes the text the snippets expand to', () => {
  const byPrefix = new Map(TEMPLATES.map((t) => [t.prefix, t]));
  for (const s of STACKS) {
    for (const layout of SCAFFOLD_LAYOUTS) {
      const files = scaffold({ stack: s.id, devTarget: layout.devTarget, compose: layout.compose });
      const names = files.map((f) => f.path);
      assert.deepEqual(names, layout.compose ? ['Dockerfile', '.dockerignore', 'compose.yaml'] : ['Dockerfile', '.dockerignore']);
      const dev = layout.devTarget || layout.compose === 'dev';
      const dockerfile = byPrefix.get(`sw-${s.id}${dev ? '-dev' : ''}`)!;
      assert.equal(files[0].text, fromSnippetFile(dockerfile), `${s.id}/${layout.label}: Dockerfile`);
      assert.equal(files[1].text, fromSnippetFile(byPrefix.get(`sw-dockerignore-${s.id}`)!), `${s.id}: .dockerignore`);
      if (layout.compose === 'dev') assert.match(files[0].text, /^FROM .* AS dev$/m, 'a dev compose file needs the dev target');
    }
  }
});

for (const s of STACKS) {
  test(`New Dockerfile… for ${s.id}: every file it writes lints clean`, () => {
    for (const compose of ['dev', 'prod'] as const) {
      const files = scaffold({ stack: s.id, devTarget: false, compose });
      const all = Object.fromEntries([...Object.entries(projectFiles(s.id)), ...files.map((f) => [f.path, f.text]), ['secrets/database_url.txt', 'x']]);
      assert.deepEqual(findingsOf(files[0].text, 'dockerfile', all), [], `${s.id} Dockerfile`);
      assert.deepEqual(findingsOf(files[2].text, 'compose', all), [], `${s.id} compose (${compose})`);
    }
    // The stack's own values reach the compose file.
    const dev = scaffold({ stack: s.id, devTarget: true, compose: 'dev' })[2].text;
    const port = /^EXPOSE (\d+)$/m.exec(scaffold({ stack: s.id, devTarget: false })[0].text)![1];
    assert.ok(dev.includes(`"127.0.0.1:${port}:${port}"`), `${s.id}: compose publishes the Dockerfile's port ${port}`);
  });
}
