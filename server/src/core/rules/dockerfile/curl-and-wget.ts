import { defineDockerfileRule } from '../../rule';
import type { ShWord } from '../../shell/model';
import { commandName } from '../../shell/commands';

export default defineDockerfileRule({
  id: 'curl-and-wget',
  aliases: ['DL4001'],
  severity: 'info',
  profile: 'recommended',
  fixable: 'never',
  docs: {
    summary: 'A stage downloads with both curl and wget.',
    why: 'Two download tools means two packages in the image, two sets of flags to get right (retries, TLS, failing on HTTP errors) and twice the attack surface — one of them is enough.',
    bad: 'FROM debian:12-slim\nRUN wget -q https://example.com/a.tgz\nRUN curl -fsSLO https://example.com/b.tgz\n',
    good: 'FROM debian:12-slim\nRUN curl -fsSLO https://example.com/a.tgz\nRUN curl -fsSLO https://example.com/b.tgz\n',
    fix: 'Pick one tool for the stage: `curl -fsSL URL -o file` or `wget -q URL -O file` do the same job.',
    notes: 'Like hadolint, reported on each RUN that uses either tool once both have appeared in the stage.',
  },
  create(ctx) {
    // Which of the two tools the stage has used so far (two flags, not a Set made for every stage).
    let curl = false;
    let wget = false;
    return {
      FROM() { curl = false; wget = false; },
      RUN(i) {
        let word: ShWord | undefined;
        for (const cmd of ctx.analysis.shell(i).commands) {
          const n = commandName(cmd);
          if ((n === 'curl' || n === 'wget') && cmd.name) {
            if (n === 'curl') curl = true; else wget = true;
            word ??= cmd.name;
          }
        }
        if (!word || !(curl && wget)) return;
        ctx.report({ span: word, message: 'This stage uses both curl and wget: pick one download tool.' });
      },
    };
  },
});
