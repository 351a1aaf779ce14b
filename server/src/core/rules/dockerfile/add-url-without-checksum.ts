import { defineDockerfileRule } from '../../rule';
import type { Flag } from '../../dockerfile/model';

// A predicate made once: an arrow written in the handler is a closure made on every call (it showed in the
// allocation profile of the 5,000-line file).
const isChecksumFlag = (f: Flag) => f.name === 'checksum';

export default defineDockerfileRule({
  id: 'add-url-without-checksum',
  aliases: [],
  severity: 'warning',
  profile: 'recommended',
  fixable: 'never',
  docs: {
    summary: '`ADD https://…` downloads a file without `--checksum`.',
    why: 'Without a checksum the build takes whatever the URL serves today: a replaced release asset or a compromised server changes your image silently, and two builds of the same Dockerfile differ.',
    bad: 'FROM alpine:3.20\nADD https://github.com/example/tool/releases/download/v1.2.0/tool /usr/local/bin/tool\n',
    good: 'FROM alpine:3.20\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://github.com/example/tool/releases/download/v1.2.0/tool /usr/local/bin/tool\n',
    fix: 'Add `--checksum=sha256:<digest>` with the digest the project publishes (or `sha256sum` of a file you verified). BuildKit then refuses a download that does not match.',
    notes: '`--checksum` for HTTP sources needs the Dockerfile frontend 1.6 or newer (`# syntax=docker/dockerfile:1`). Git sources (`ADD git@…`, `.git` URLs) are pinned with a commit instead and are not reported.',
  },
  handlers: {
    ADD(i, ctx) {
      if (i.flags.some(isChecksumFlag)) return;
      const words = i.exec ? i.exec.values : i.words;
      for (let k = 0; k < words.length - 1; k++) {
        const w = words[k];
        const url = w.value.includes('$') ? ctx.analysis.expand(w.value, i).value : w.value;
        if (!/^https?:\/\//i.test(url) || /\.git(#.*)?$/i.test(url)) continue;
        ctx.report({ span: { start: w.start, end: w.end }, message: 'Pin this download with --checksum=sha256:…: without it the build accepts whatever the URL serves.' });
      }
    },
  },
});
