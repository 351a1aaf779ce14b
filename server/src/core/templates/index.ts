// Every template, the snippet files generated from them (`npm run snippets`), and the files
// "Seaworthy: New Dockerfile…" writes: the same templates expanded with their defaults.
import type { SnippetLanguage, Stack, Template } from './model';
import { DOCKERFILE_TEMPLATES, dockerfileTemplate } from './dockerfile';
import { COMPOSE_TEMPLATES, STACK_COMPOSE, composeDevBody, composeProdBody } from './compose';
import { DOCKERIGNORE_TEMPLATES, dockerignoreBody } from './dockerignore';
import { expandBody, snippetText } from './snippet';

export type { SnippetLanguage, Stack, Template } from './model';
export { expandSnippet, snippetText, expandBody } from './snippet';

export const TEMPLATES: readonly Template[] = [...DOCKERFILE_TEMPLATES, ...COMPOSE_TEMPLATES, ...DOCKERIGNORE_TEMPLATES];

export const STACKS: readonly { id: Stack; label: string; detail: string }[] = [
  { id: 'node', label: 'Node.js', detail: 'npm ci, build stage, production dependencies only, runs as node' },
  { id: 'python', label: 'Python (FastAPI)', detail: 'virtualenv built in a builder stage, slim runtime, uvicorn, non-root' },
  { id: 'go', label: 'Go', detail: 'static binary with cache mounts, distroless runtime as nonroot' },
];

/** Snippet file (relative to the extension root) for each language. */
export const SNIPPET_FILES: Record<SnippetLanguage, string> = {
  dockerfile: 'snippets/dockerfile.code-snippets',
  dockercompose: 'snippets/compose.code-snippets',
  ignore: 'snippets/dockerignore.code-snippets',
};

const HEADER = '// Generated from server/src/core/templates by `npm run snippets`: edit the templates, not this file.\n';

/** The text of each snippet file, keyed by its path relative to the extension root. */
export function snippetFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const [language, file] of Object.entries(SNIPPET_FILES) as [SnippetLanguage, string][]) {
    const json: Record<string, { prefix: string; description: string; body: string[] }> = {};
    for (const t of TEMPLATES) {
      if (t.language !== language) continue;
      json[t.name] = { prefix: t.prefix, description: t.description, body: snippetText(t.body).split('\n') };
    }
    files.set(file, HEADER + JSON.stringify(json, null, 2) + '\n');
  }
  return files;
}

/** Read a generated snippet file (JSON with `//` line comments). */
export function parseSnippetFile(text: string): Record<string, { prefix: string; description: string; body: string | string[] }> {
  return JSON.parse(text.replace(/^[^\S\r\n\u2028\u2029]*\/\/.*$/gm, '')); // not ^\s*: it crosses line breaks (quadratic on blank lines)
}

export type ComposeFlavour = 'dev' | 'prod';

export interface ScaffoldOptions {
  stack: Stack;
  /** Dockerfile with `dev` and `prod` targets instead of production only. Forced on by a dev compose file. */
  devTarget: boolean;
  /** Also write compose.yaml, for development (builds the `dev` target) or production. */
  compose?: ComposeFlavour;
}

export interface ScaffoldFile { path: string; text: string }

/** The choices "New Dockerfile…" offers after the stack, in order. */
export const SCAFFOLD_LAYOUTS: readonly { label: string; detail: string; devTarget: boolean; compose?: ComposeFlavour }[] = [
  { label: 'Dockerfile for production', detail: 'Multi-stage Dockerfile and .dockerignore', devTarget: false },
  { label: 'Dockerfile with dev and prod targets', detail: 'docker build --target dev / --target prod; and .dockerignore', devTarget: true },
  { label: 'Dockerfile and compose.yaml for development', detail: 'dev and prod targets; compose: the dev target with watch, Postgres, Redis', devTarget: true, compose: 'dev' },
  { label: 'Dockerfile and compose.yaml for production', detail: 'Multi-stage Dockerfile; compose: replicas, rolling updates, limits, secrets, read-only', devTarget: false, compose: 'prod' },
];

/** The files for a new project, from the same templates as the snippets, every tab stop at its default. */
export function scaffold(o: ScaffoldOptions): ScaffoldFile[] {
  const files: ScaffoldFile[] = [
    { path: 'Dockerfile', text: expandBody(dockerfileTemplate(o.stack, o.devTarget || o.compose === 'dev').body) },
    { path: '.dockerignore', text: expandBody(dockerignoreBody(o.stack)) },
  ];
  if (o.compose) {
    const app = STACK_COMPOSE[o.stack];
    files.push({ path: 'compose.yaml', text: expandBody(o.compose === 'dev' ? composeDevBody(app) : composeProdBody(app)) });
  }
  return files;
}
