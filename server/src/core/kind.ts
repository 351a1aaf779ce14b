// Which documents Seaworthy lints, decided from the file name (and, for explicit files, the content).
import type { DocumentKind } from './types';

const DOCKERFILE = /^(?:Dockerfile|Containerfile)(?:[.-].*)?$|\.(?:dockerfile|containerfile)$/i;
const COMPOSE = /^(?:docker-)?compose(?:[.-].*)?\.ya?ml$/i;
// Blanks before the key: not `\s*`, which also crosses line breaks and made these quadratic on a long run of blank
// lines (60,000 took seconds); a match after a line break also starts at that line, so the answers are the same.
const COMPOSE_KEY_LINE = /^[^\S\r\n\u2028\u2029]*(services|version|name|volumes|networks)\s*:/m;
const FROM_LINE = /^[^\S\r\n\u2028\u2029]*FROM\s/im;

export function kindFromName(fileName: string): DocumentKind | undefined {
  const base = fileName.replace(/^.*[\\/]/, '');
  if (COMPOSE.test(base)) return 'compose';
  if (DOCKERFILE.test(base) && !/\.(?:ya?ml|json|md|txt|sh|dockerignore)$/i.test(base)) return 'dockerfile';
  return undefined;
}

/** For a file named explicitly: the name first, then a look at the content. */
export function guessKind(fileName: string, text: string): DocumentKind {
  const byName = kindFromName(fileName);
  if (byName) return byName;
  if (/\.ya?ml$/i.test(fileName) || COMPOSE_KEY_LINE.test(text) && !FROM_LINE.test(text)) return 'compose';
  return 'dockerfile';
}

/** VS Code language ids that map to our kinds. */
export function kindFromLanguageId(languageId: string): DocumentKind | undefined {
  if (languageId === 'dockerfile' || languageId === 'containerfile') return 'dockerfile';
  if (languageId === 'dockercompose') return 'compose';
  return undefined;
}
