// Compose templates. Each is a function of the few values that depend on the app's stack; the
// snippet uses tab stops for them, "New Dockerfile…" passes the stack's values (`STACK_COMPOSE`).
import { choice, snippet, tab, type Body, type TabStop } from './snippet';
import type { Stack, Template } from './model';

/** What a compose file needs to know about the app image. */
export interface ComposeApp {
  /** Port the app listens on inside the container. */
  port: TabStop | string;
  /** Compose watch action for source edits (`sync` for apps that reload, `sync+restart` otherwise). */
  watchAction: TabStop | string;
  /** The dependency manifest whose change needs a rebuild. */
  manifest: TabStop | string;
}

/** The values the Dockerfile templates use for each stack. */
export const STACK_COMPOSE: Record<Stack, { port: string; watchAction: string; manifest: string }> = {
  node: { port: '3000', watchAction: 'sync', manifest: 'package.json' },
  python: { port: '8000', watchAction: 'sync', manifest: 'requirements.txt' },
  go: { port: '8080', watchAction: 'sync+restart', manifest: 'go.mod' },
};

const SNIPPET_APP: ComposeApp = {
  port: tab(1, '3000'),
  watchAction: choice(3, 'sync', 'sync+restart', 'rebuild'),
  manifest: choice(4, 'package.json', 'requirements.txt', 'go.mod'),
};

const mirror = (v: TabStop | string): TabStop | string => (typeof v === 'string' ? v : tab(v.tab));

export function composeDevBody(app: ComposeApp): Body {
  return snippet`# Development: the app (Dockerfile target \`dev\`) with Postgres and Redis.
#   docker compose up --watch
# Set POSTGRES_PASSWORD in .env next to this file (and keep .env out of git).

services:
  app:
    build:
      context: .
      target: dev
    ports:
      # Published on localhost only: nothing else on the network reaches the dev server.
      - "127.0.0.1:${app.port}:${mirror(app.port)}"
    environment:
      DATABASE_URL: postgres://${tab(2, 'app')}:\${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD in .env}@db:5432/${tab(2)}
      REDIS_URL: redis://cache:6379/0
    depends_on:
      db:
        condition: service_healthy
      cache:
        condition: service_healthy
    develop:
      watch:
        # Source edits are copied into the running container; a dependency change rebuilds the image.
        - action: ${app.watchAction}
          path: .
          target: /app
        - action: rebuild
          path: ${app.manifest}

  db:
    image: postgres:${tab(5, '17')}-alpine
    environment:
      POSTGRES_USER: ${tab(2)}
      POSTGRES_DB: ${tab(2)}
      POSTGRES_PASSWORD: \${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD in .env}
    volumes:
      - db-data:/var/lib/postgresql/data
    healthcheck:
      test: ["CMD-SHELL", "pg_isready -U ${tab(2)} -d ${tab(2)}"]
      interval: 5s
      timeout: 3s
      retries: 10
      start_period: 10s
    # No published port: the app reaches it as db:5432. Uncomment to use a local client.
    # ports:
    #   - "127.0.0.1:5432:5432"

  cache:
    image: redis:${tab(6, '7')}-alpine
    volumes:
      - cache-data:/data
    healthcheck:
      test: ["CMD", "redis-cli", "ping"]
      interval: 5s
      timeout: 3s
      retries: 10

volumes:
  db-data:
  cache-data:
`;
}

export function composeProdBody(app: ComposeApp): Body {
  return snippet`# Production: a hardened, replicated app service, for \`docker compose up -d\` on one host or
# \`docker stack deploy\` on Swarm (update_config and rollback_config apply on Swarm).
# CI builds and pushes the image; set APP_VERSION to the tag to deploy.

services:
  app:
    image: ${tab(1, 'registry.example.com/team/app')}:\${APP_VERSION:?set APP_VERSION to the image tag}
    init: true
    read_only: true
    tmpfs:
      - /tmp
    cap_drop:
      - ALL
    security_opt:
      - no-new-privileges:true
    # Replicas share no host port: put a reverse proxy on this network in front of app:${mirror(app.port)}.
    expose:
      - "${app.port}"
    environment:
      DATABASE_URL_FILE: /run/secrets/${tab(3, 'database_url')}
    secrets:
      - ${tab(3)}
    stop_grace_period: 30s
    deploy:
      replicas: ${tab(4, '2')}
      update_config:
        parallelism: 1
        delay: 10s
        order: start-first
        failure_action: rollback
        monitor: 30s
      rollback_config:
        parallelism: 1
        order: start-first
      restart_policy:
        condition: any
        delay: 5s
        window: 120s
      resources:
        limits:
          cpus: "${tab(5, '1.0')}"
          memory: ${tab(6, '512M')}
          pids: 256
        reservations:
          cpus: "0.25"
          memory: 128M
    logging:
      driver: json-file
      options:
        max-size: "10m"
        max-file: "3"

secrets:
  ${tab(3)}:
    # One line, no trailing newline; keep the secrets folder out of git. On Swarm: external: true.
    file: ./secrets/${tab(3)}.txt
`;
}

export const composeDev: Template = {
  prefix: 'sw-compose-dev',
  name: 'Compose file for development (app + Postgres + Redis)',
  description: 'Whole compose.yaml: the app built from its `dev` target with compose watch, Postgres and Redis with health checks gating `depends_on`, named volumes, no database port published, the password required from .env.',
  language: 'dockercompose',
  wholeFile: true,
  body: composeDevBody(SNIPPET_APP),
};

export const composeProd: Template = {
  prefix: 'sw-compose-prod',
  name: 'Compose file for production (hardened, replicated)',
  description: 'Whole compose.yaml: replicas with start-first rolling updates and automatic rollback, restart policy, CPU/memory/PID limits, secrets, read-only root with tmpfs, all capabilities dropped, no-new-privileges, bounded json-file logs.',
  language: 'dockercompose',
  wholeFile: true,
  body: composeProdBody({ ...SNIPPET_APP, port: tab(2, '3000') }),
};

export const COMPOSE_TEMPLATES: readonly Template[] = [composeDev, composeProd];
