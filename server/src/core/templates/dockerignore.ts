// .dockerignore per stack: a small build context (fast uploads, a cache not broken by unrelated
// files) and no local secrets or host-built artefacts in the image. Never excludes what the
// Dockerfile templates COPY (manifests, lockfiles, source).
import { snippet, tab, type Body } from './snippet';
import type { Stack, Template } from './model';

const COMMON = `# Version control and editor files
.git
.gitignore
.vscode
.idea
**/.DS_Store

# Local secrets and environment: pass them at run time, never bake them in
.env
.env.*
!.env.example
secrets

# Container files themselves: changing them should not invalidate the COPY . . layer
Dockerfile*
*.dockerignore
.dockerignore
compose*.yaml
compose*.yml
docker-compose*.yaml
docker-compose*.yml`;

const STACK: Record<Stack, string> = {
  node: `# Dependencies and build output are made inside the image
node_modules
dist
build
coverage
.npm
npm-debug.log*
yarn-error.log*`,
  python: `# Virtualenvs, caches and build output are made inside the image
.venv
venv
**/__pycache__
**/*.py[cod]
.pytest_cache
.mypy_cache
.ruff_cache
.coverage
htmlcov
*.egg-info
dist
build`,
  go: `# Binaries and test output are made inside the image
bin
*.exe
*.test
*.out
coverage.*`,
};

export function dockerignoreBody(stack: Stack): Body {
  return snippet`${COMMON}

${STACK[stack]}
${tab(0)}`;
}

const LABEL: Record<Stack, string> = { node: 'Node.js', python: 'Python', go: 'Go' };

export const DOCKERIGNORE_TEMPLATES: readonly Template[] = (['node', 'python', 'go'] as const).map((stack) => ({
  prefix: `sw-dockerignore-${stack}`,
  name: `.dockerignore for ${LABEL[stack]}`,
  description: `Whole .dockerignore for a ${LABEL[stack]} app: VCS and editor files, local .env and secrets, the container files themselves, and ${stack === 'node' ? 'node_modules and build output' : stack === 'python' ? 'virtualenvs, caches and build output' : 'binaries and test output'}. Keeps everything the Seaworthy Dockerfile templates copy.`,
  language: 'ignore' as const,
  wholeFile: true,
  stack,
  body: dockerignoreBody(stack),
}));
