import { defineDockerfileRule } from '../../rule';
import type { DockerfileContext } from '../../rule';
import type { Instruction } from '../../dockerfile/model';

// BuildKit's word list: a token delimited by `_` or the ends of the name, in any case.
const SECRET = /(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)/i;
const NOT_SECRET = /(?:_|^)(?:public|file|version)(?:_|$)/i;

/** Whether an ARG/ENV name suggests it holds a secret (BuildKit's SecretsUsedInArgOrEnv heuristic). */
export function isSecretName(name: string): boolean {
  return SECRET.test(name) && !NOT_SECRET.test(name);
}

export default defineDockerfileRule({
  id: 'secrets-in-arg-env',
  aliases: ['SecretsUsedInArgOrEnv', 'DL3064', 'DS031'],
  severity: 'warning',
  profile: 'recommended',
  fixable: 'never',
  docs: {
    summary: 'An ARG or ENV name suggests it carries a secret (password, token, key…).',
    why: 'ENV values are stored in the image config and ARG values in the build history: anyone who can pull the image can read them with `docker history` or `docker inspect`, long after the build.',
    bad: 'FROM alpine:3.20\nARG NPM_TOKEN\nRUN echo "//registry.npmjs.org/:_authToken=$NPM_TOKEN" > ~/.npmrc\n',
    good: 'FROM alpine:3.20\nRUN --mount=type=secret,id=npm_token,env=NPM_TOKEN \\\n    echo "//registry.npmjs.org/:_authToken=$NPM_TOKEN" > ~/.npmrc\n',
    fix: 'Pass the secret with a secret mount (`RUN --mount=type=secret,id=…`, `docker build --secret id=…`) so it is available to one command and never stored in a layer. For runtime secrets use the orchestrator (Compose `secrets:`, Kubernetes Secrets).',
    notes: 'hadolint\'s DL3064 checks the same idea. The name heuristic is BuildKit\'s (tokens such as `password`, `token`, `key`, `auth` delimited by `_`; names with `public`, `file` or `version` tokens are fine). Trivy\'s DS031 checks only the final stage, so findings in earlier stages carry no Trivy id. Messages never repeat the value.',
  },
  handlers: { ARG: check, ENV: check },
});

function check(i: Instruction, ctx: DockerfileContext): void {
  const final = ctx.analysis.finalStage;
  for (const p of i.pairs) {
    if (!isSecretName(p.key)) continue;
    const inFinal = final !== undefined && i.stage === final.index;
    ctx.report({
      span: p.keySpan,
      message: `${i.keyword} "${p.key}" looks like a secret${p.value ? ' and sets a value' : ''}: ${i.keyword} values stay readable in the image${i.keyword === 'ARG' ? ' history' : ' config'}. Use a secret mount (RUN --mount=type=secret) instead.`,
      aliases: inFinal ? undefined : ['SecretsUsedInArgOrEnv', 'DL3064'],
    });
  }
}
