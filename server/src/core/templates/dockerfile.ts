// Dockerfile templates: a production multi-stage file and a dev/prod multi-target file per stack,
// plus fragments. Conventions shared by all of them:
// - `# syntax=docker/dockerfile:1` first, so BuildKit features (cache mounts) work everywhere;
// - dependency manifests are copied and installed before `COPY . .`, so that layer is reused until
//   the dependencies change;
// - images pinned to a major version and a distro variant;
// - the final stage runs as a non-root user, with exec-form CMD/ENTRYPOINT;
// - application files stay owned by root: the process can read its code but not rewrite it.
import { choice, snippet, tab, type TabStop } from './snippet';
import type { Stack, Template } from './model';

const SYNTAX = '# syntax=docker/dockerfile:1';

// ---- Node.js ----------------------------------------------------------------------------------

const nodeImage = snippet`node:${tab(1, '22')}-${choice(2, 'bookworm-slim', 'alpine')}`;
const nodeImageAgain = snippet`node:${tab(1)}-${tab(2)}`;
const nodeHealthcheck = snippet`HEALTHCHECK --interval=30s --timeout=5s --start-period=15s --retries=3 \\
    CMD ["node", "-e", "fetch('http://127.0.0.1:${tab(4)}${tab(5, '/healthz')}').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]`;

export const nodeProd: Template = {
  prefix: 'sw-node',
  name: 'Node.js Dockerfile (multi-stage, production)',
  description: 'Whole Dockerfile: `npm ci` and `npm run build` in a build stage; the runtime installs production dependencies only (`npm ci --omit=dev`), runs as the `node` user, with a HEALTHCHECK that needs no curl.',
  language: 'dockerfile',
  wholeFile: true,
  stack: 'node',
  body: snippet`${SYNTAX}

# Node.js, production: build with every dependency, run with production dependencies only.
#   docker build -t app .

FROM ${nodeImage} AS build
WORKDIR /app
# Manifests first: the \`npm ci\` layer is reused until the dependencies change.
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci
COPY . .
RUN npm run build --if-present

FROM ${nodeImageAgain} AS runtime
ENV NODE_ENV=production \\
    PORT=${tab(4, '3000')}
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev
# The build output (files stay owned by root: the app can read them, not rewrite them).
COPY --from=build /app/${tab(3, 'dist')} ./${tab(3)}
USER node
EXPOSE ${tab(4)}
${nodeHealthcheck}
CMD ["node", "${tab(3)}/${tab(6, 'server.js')}"]
`,
};

export const nodeDev: Template = {
  prefix: 'sw-node-dev',
  name: 'Node.js Dockerfile (dev and prod targets)',
  description: 'Whole Dockerfile with two targets: `--target dev` installs every dependency and runs `npm run dev` as `node`; `--target prod` (the default, last stage) builds, keeps production dependencies only, runs as `node` with a HEALTHCHECK.',
  language: 'dockerfile',
  wholeFile: true,
  stack: 'node',
  body: snippet`${SYNTAX}

# Node.js with two targets:
#   docker build --target dev -t app:dev .   every dependency, \`npm run dev\` (watch mode)
#   docker build --target prod -t app .      production dependencies only (the default target)

FROM ${nodeImage} AS base
WORKDIR /app
# Manifests first: the \`npm ci\` layers are reused until the dependencies change.
COPY package.json package-lock.json ./

FROM base AS dev
ENV NODE_ENV=development \\
    PORT=${tab(4, '3000')}
# The \`node\` user owns /app so watch tools can write their caches.
RUN chown node:node /app
USER node
RUN --mount=type=cache,target=/home/node/.npm,uid=1000,gid=1000 npm ci
COPY --chown=node:node . .
EXPOSE ${tab(4)}
CMD ["npm", "run", "${tab(7, 'dev')}"]

FROM base AS build
RUN --mount=type=cache,target=/root/.npm npm ci
COPY . .
RUN npm run build --if-present

FROM base AS prod
ENV NODE_ENV=production \\
    PORT=${tab(4)}
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev
# The build output (files stay owned by root: the app can read them, not rewrite them).
COPY --from=build /app/${tab(3, 'dist')} ./${tab(3)}
USER node
EXPOSE ${tab(4)}
${nodeHealthcheck}
CMD ["node", "${tab(3)}/${tab(6, 'server.js')}"]
`,
};

// ---- Python (FastAPI on uvicorn) --------------------------------------------------------------

const pythonEnv = snippet`ENV PYTHONDONTWRITEBYTECODE=1 \\
    PYTHONUNBUFFERED=1 \\
    PIP_DISABLE_PIP_VERSION_CHECK=1 \\
    PATH="/opt/venv/bin:$PATH"`;
const pythonUser = snippet`# An unprivileged user; numeric in USER so Kubernetes' runAsNonRoot can verify it.
RUN groupadd --system --gid 10001 app \\
    && useradd --system --uid 10001 --gid app --no-log-init --no-create-home --shell /usr/sbin/nologin app`;
const pythonHealthcheck = snippet`# Health check with the standard library: slim images have neither curl nor wget.
HEALTHCHECK --interval=30s --timeout=5s --start-period=15s --retries=3 \\
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:${tab(4)}${tab(5, '/healthz')}', timeout=3)"]`;
const uvicorn = (extra: string) =>
  snippet`CMD ["uvicorn", "${tab(3)}.${tab(6, 'main')}:app", "--host", "0.0.0.0", "--port", "${tab(4)}"${extra}]`;

export const pythonProd: Template = {
  prefix: 'sw-python',
  name: 'Python FastAPI Dockerfile (multi-stage, production)',
  description: 'Whole Dockerfile: dependencies installed into a virtualenv in a builder stage (pip cache mount), copied into a slim runtime that runs uvicorn as an unprivileged user, with a HEALTHCHECK in Python (no curl needed).',
  language: 'dockerfile',
  wholeFile: true,
  stack: 'python',
  body: snippet`${SYNTAX}

# Python (FastAPI on uvicorn), production: the dependencies go into a virtualenv built in its own
# stage; the runtime copies only that virtualenv and the application package.
#   docker build -t app .

FROM python:${tab(1, '3.13')}-slim-bookworm AS build
${pythonEnv}
RUN python -m venv /opt/venv
WORKDIR /app
# Requirements first: the install layer is reused until they change.
COPY ${tab(2, 'requirements.txt')} ./
RUN --mount=type=cache,target=/root/.cache/pip pip install -r ${tab(2)}

FROM python:${tab(1)}-slim-bookworm AS runtime
${pythonEnv}
${pythonUser}
WORKDIR /app
COPY --from=build /opt/venv /opt/venv
COPY ${tab(3, 'app')} ./${tab(3)}
USER 10001:10001
EXPOSE ${tab(4, '8000')}
${pythonHealthcheck}
${uvicorn('')}
`,
};

export const pythonDev: Template = {
  prefix: 'sw-python-dev',
  name: 'Python FastAPI Dockerfile (dev and prod targets)',
  description: 'Whole Dockerfile with two targets sharing one virtualenv stage: `--target dev` runs `uvicorn --reload` on the full source; `--target prod` (the default, last stage) ships only the app package, non-root, with a HEALTHCHECK.',
  language: 'dockerfile',
  wholeFile: true,
  stack: 'python',
  body: snippet`${SYNTAX}

# Python (FastAPI on uvicorn) with two targets:
#   docker build --target dev -t app:dev .   the whole source, uvicorn --reload
#   docker build --target prod -t app .      the application package only (the default target)

FROM python:${tab(1, '3.13')}-slim-bookworm AS base
${pythonEnv}
${pythonUser}
WORKDIR /app

FROM base AS build
RUN python -m venv /opt/venv
# Requirements first: the install layer is reused until they change.
COPY ${tab(2, 'requirements.txt')} ./
RUN --mount=type=cache,target=/root/.cache/pip pip install -r ${tab(2)}

FROM base AS dev
COPY --from=build /opt/venv /opt/venv
COPY . .
USER 10001:10001
EXPOSE ${tab(4, '8000')}
${uvicorn(', "--reload"')}

FROM base AS prod
COPY --from=build /opt/venv /opt/venv
COPY ${tab(3, 'app')} ./${tab(3)}
USER 10001:10001
EXPOSE ${tab(4)}
${pythonHealthcheck}
${uvicorn('')}
`,
};

// ---- Go ---------------------------------------------------------------------------------------

const goBuild = (version: TabStop) => snippet`FROM --platform=$BUILDPLATFORM golang:${version}-bookworm AS build
ARG TARGETOS
ARG TARGETARCH
WORKDIR /src
# Module files first (\`go mod tidy\` writes go.sum): the download layer is reused until they change.
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod go mod download
COPY . .
# A static binary (no libc needed), cross-compiled for the target platform.
RUN --mount=type=cache,target=/go/pkg/mod \\
    --mount=type=cache,target=/root/.cache/go-build \\
    CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \\
    go build -trimpath -ldflags="-s -w" -o /out/app ${tab(2, '.')}`;
const goRuntime = (stage: string) => snippet`FROM gcr.io/distroless/static-debian12:nonroot AS ${stage}
COPY --from=build /out/app /app
USER nonroot:nonroot
EXPOSE ${tab(3, '8080')}
# Distroless has no shell and no curl. For a health check, give the binary a probe mode, then:
# HEALTHCHECK --interval=30s --timeout=5s --retries=3 CMD ["/app", "-healthcheck"]
ENTRYPOINT ["/app"]`;

export const goProd: Template = {
  prefix: 'sw-go',
  name: 'Go Dockerfile (static binary on distroless)',
  description: 'Whole Dockerfile: `go mod download` and a static, trimmed build (`CGO_ENABLED=0 -trimpath -ldflags="-s -w"`) with cache mounts, cross-compiled for the target platform; shipped on distroless static as `nonroot`.',
  language: 'dockerfile',
  wholeFile: true,
  stack: 'go',
  body: snippet`${SYNTAX}

# Go, production: a static binary on distroless (no shell, no package manager), as \`nonroot\`.
#   docker build -t app .

${goBuild(tab(1, '1.25'))}

${goRuntime('runtime')}
`,
};

export const goDev: Template = {
  prefix: 'sw-go-dev',
  name: 'Go Dockerfile (dev and prod targets)',
  description: 'Whole Dockerfile with two targets: `--target dev` runs `go run .` on the full source with the Go toolchain; `--target prod` (the default, last stage) is a static binary on distroless as `nonroot`.',
  language: 'dockerfile',
  wholeFile: true,
  stack: 'go',
  body: snippet`${SYNTAX}

# Go with two targets:
#   docker build --target dev -t app:dev .   the Go toolchain, \`go run .\` on the source
#   docker build --target prod -t app .      a static binary on distroless (the default target)

FROM golang:${tab(1, '1.25')}-bookworm AS dev
WORKDIR /app
COPY go.mod go.sum ./
RUN go mod download
COPY . .
EXPOSE ${tab(3)}
CMD ["go", "run", "${tab(2)}"]

${goBuild(tab(1))}

${goRuntime('prod')}
`,
};

// ---- Fragments --------------------------------------------------------------------------------

const fragments: Template[] = [
  {
    prefix: 'sw-user-debian',
    name: 'Non-root user (Debian/Ubuntu)',
    description: 'Create a system user and group with a fixed UID/GID (groupadd/useradd, no home, no login shell, no lastlog bloat) and switch to it by number.',
    language: 'dockerfile',
    wholeFile: false,
    body: snippet`RUN groupadd --system --gid ${tab(1, '10001')} ${tab(2, 'app')} \\
    && useradd --system --uid ${tab(1)} --gid ${tab(2)} --no-log-init --no-create-home --shell /usr/sbin/nologin ${tab(2)}
USER ${tab(1)}:${tab(1)}
${tab(0)}`,
  },
  {
    prefix: 'sw-user-alpine',
    name: 'Non-root user (Alpine)',
    description: 'Create a system user and group with a fixed UID/GID (BusyBox addgroup/adduser, no home, no password, no login shell) and switch to it by number.',
    language: 'dockerfile',
    wholeFile: false,
    body: snippet`RUN addgroup -S -g ${tab(1, '10001')} ${tab(2, 'app')} \\
    && adduser -S -D -H -u ${tab(1)} -G ${tab(2)} -s /sbin/nologin ${tab(2)}
USER ${tab(1)}:${tab(1)}
${tab(0)}`,
  },
  {
    prefix: 'sw-healthcheck',
    name: 'HEALTHCHECK (curl)',
    description: 'HEALTHCHECK with explicit interval, timeout, start period and retries, probing an HTTP endpoint with curl (the image must contain curl; see sw-healthcheck-node / sw-healthcheck-python otherwise).',
    language: 'dockerfile',
    wholeFile: false,
    body: snippet`HEALTHCHECK --interval=${tab(1, '30s')} --timeout=${tab(2, '5s')} --start-period=${tab(3, '15s')} --retries=${tab(4, '3')} \\
    CMD ["curl", "--fail", "--silent", "--show-error", "--max-time", "3", "http://127.0.0.1:${tab(5, '8080')}${tab(6, '/healthz')}"]
${tab(0)}`,
  },
  {
    prefix: 'sw-healthcheck-node',
    name: 'HEALTHCHECK (Node.js, no curl)',
    description: 'HEALTHCHECK that probes an HTTP endpoint with Node’s built-in fetch: works on slim and Alpine node images, which have no curl.',
    language: 'dockerfile',
    wholeFile: false,
    body: snippet`HEALTHCHECK --interval=${tab(1, '30s')} --timeout=${tab(2, '5s')} --start-period=${tab(3, '15s')} --retries=${tab(4, '3')} \\
    CMD ["node", "-e", "fetch('http://127.0.0.1:${tab(5, '3000')}${tab(6, '/healthz')}').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
${tab(0)}`,
  },
  {
    prefix: 'sw-healthcheck-python',
    name: 'HEALTHCHECK (Python, no curl)',
    description: 'HEALTHCHECK that probes an HTTP endpoint with Python’s urllib: works on slim python images, which have neither curl nor wget.',
    language: 'dockerfile',
    wholeFile: false,
    body: snippet`HEALTHCHECK --interval=${tab(1, '30s')} --timeout=${tab(2, '5s')} --start-period=${tab(3, '15s')} --retries=${tab(4, '3')} \\
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:${tab(5, '8000')}${tab(6, '/healthz')}', timeout=3)"]
${tab(0)}`,
  },
  {
    prefix: 'sw-apt',
    name: 'apt-get install with cleanup',
    description: 'apt-get update and install in one layer, without recommended packages, removing the package lists in the same RUN so they never reach the image.',
    language: 'dockerfile',
    wholeFile: false,
    body: snippet`RUN apt-get update \\
    && apt-get install -y --no-install-recommends ${tab(1, 'ca-certificates')} \\
    && rm -rf /var/lib/apt/lists/*
${tab(0)}`,
  },
  {
    prefix: 'sw-cache-apt',
    name: 'apt-get install with BuildKit cache mounts',
    description: 'apt-get with the package cache and lists on BuildKit cache mounts (locked: apt is not concurrency-safe): fast rebuilds, nothing left in the layer. Keeps downloaded packages by removing docker-clean.',
    language: 'dockerfile',
    wholeFile: false,
    body: snippet`RUN rm -f /etc/apt/apt.conf.d/docker-clean \\
    && echo 'Binary::apt::APT::Keep-Downloaded-Packages "true";' > /etc/apt/apt.conf.d/keep-cache
RUN --mount=type=cache,target=/var/cache/apt,sharing=locked \\
    --mount=type=cache,target=/var/lib/apt/lists,sharing=locked \\
    apt-get update \\
    && apt-get install -y --no-install-recommends ${tab(1, 'ca-certificates')}
${tab(0)}`,
  },
  {
    prefix: 'sw-cache-npm',
    name: 'npm ci with a BuildKit cache mount',
    description: 'npm ci with the npm cache (/root/.npm) on a BuildKit cache mount: packages are reused across builds and never stored in the layer.',
    language: 'dockerfile',
    wholeFile: false,
    body: snippet`RUN --mount=type=cache,target=/root/.npm ${choice(1, 'npm ci', 'npm ci --omit=dev')}
${tab(0)}`,
  },
  {
    prefix: 'sw-cache-pip',
    name: 'pip install with a BuildKit cache mount',
    description: 'pip install with the pip cache (/root/.cache/pip) on a BuildKit cache mount: wheels are reused across builds and never stored in the layer.',
    language: 'dockerfile',
    wholeFile: false,
    body: snippet`RUN --mount=type=cache,target=/root/.cache/pip pip install -r ${tab(1, 'requirements.txt')}
${tab(0)}`,
  },
  {
    prefix: 'sw-cache-go',
    name: 'go build with BuildKit cache mounts',
    description: 'go mod download, then a static trimmed build, with the module cache and the build cache on BuildKit cache mounts.',
    language: 'dockerfile',
    wholeFile: false,
    body: snippet`COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod go mod download
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod \\
    --mount=type=cache,target=/root/.cache/go-build \\
    CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o ${tab(1, '/out/app')} ${tab(2, '.')}
${tab(0)}`,
  },
];

export const DOCKERFILE_TEMPLATES: readonly Template[] = [nodeProd, nodeDev, pythonProd, pythonDev, goProd, goDev, ...fragments];

/** The whole-file Dockerfile template for a stack: production only, or with dev and prod targets. */
export function dockerfileTemplate(stack: Stack, withDevTarget: boolean): Template {
  const table = { node: [nodeProd, nodeDev], python: [pythonProd, pythonDev], go: [goProd, goDev] } as const;
  return table[stack][withDevTarget ? 1 : 0];
}
