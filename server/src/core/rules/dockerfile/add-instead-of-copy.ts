import { defineDockerfileRule } from '../../rule';
import type { Flag } from '../../dockerfile/model';
import { replaceKeyword } from './util';

const REMOTE = /^(https?|ftp):\/\/|^git@|\.git(#.*)?$/i;
const ARCHIVE = /\.(tar|tar\.(gz|bz2|xz|zst)|tgz|tbz2?|txz|gz|bz2|xz|zst)$/i;

// A predicate made once: an arrow written in the handler is a closure made on every call (it showed in the
// allocation profile of the 5,000-line file).
const choosesAddBehaviour = (f: Flag) => f.name === 'checksum' || f.name === 'keep-git-dir' || f.name === 'unpack';

export default defineDockerfileRule({
  id: 'add-instead-of-copy',
  aliases: ['DL3020', 'DS005', 'CKV_DOCKER_4'],
  severity: 'warning',
  profile: 'recommended',
  fixable: 'always',
  docs: {
    summary: 'ADD copies local files where COPY does the same job.',
    why: 'ADD also fetches URLs and unpacks archives. Using it for plain files hides those behaviours from reviewers and can unpack a tarball you meant to copy; COPY does exactly one thing.',
    bad: 'ADD package.json /app/\n',
    good: 'COPY package.json /app/\n',
    fix: 'The quick fix replaces ADD with COPY; flags and arguments stay as written. ADD of a URL, a git repository or a local archive is left alone.',
  },
  handlers: {
    ADD(i, ctx) {
      const words = i.exec ? i.exec.values : i.words;
      if (words.length < 2 || i.heredocs.length) return;
      const sources = words.slice(0, -1).map((w) => w.value);
      if (sources.some((s) => REMOTE.test(s) || ARCHIVE.test(s) || s.includes('$'))) return;
      if (i.flags.some(choosesAddBehaviour)) return;
      ctx.report({
        span: i.keywordSpan,
        message: 'Use COPY instead of ADD for local files: ADD also downloads and unpacks, which is easy to trigger by accident.',
        fix: { title: 'Replace ADD with COPY', safe: true, edits: [replaceKeyword(i, 'COPY')] },
      });
    },
  },
});
