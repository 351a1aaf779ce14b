import { defineDockerfileRule } from '../../rule';
import type { Flag, Instruction, Word } from '../../dockerfile/model';
import type { ShCommand } from '../../shell/model';
import { commandName } from '../../shell/commands';
import { stripQuotes } from './util';

// Tarballs, the archives ADD unpacks by itself (plain .gz/.zip files are not unpacked by ADD).
const TARBALL = /\.(tar|tar\.(gz|bz2|xz|lz|lzma|Z|zst)|tgz|tbz2?|tb2|txz|tlz|tpz|tZ)$/;
const DECOMPRESSORS = new Set(['gunzip', 'bunzip2', 'unlzma', 'unxz', 'uncompress', 'zcat', 'gzcat', 'xz', 'unzstd']);

/** Every tarball name has a `.t…` extension, and the name is part of the word as written: most words are ruled out without a regular expression. */
const mayBeTarball = (w: Word) => w.raw.includes('.t');

const baseName = (p: string) => p.slice(Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\')) + 1);

/** `tar -xf`, `tar xzf`, `tar --extract`, or a decompressor: the command unpacks its file arguments. */
function extracts(cmd: ShCommand): boolean {
  const name = commandName(cmd);
  if (name === undefined) return false;
  if (DECOMPRESSORS.has(name)) return name !== 'xz' || cmd.args.some((a) => /^-[a-zA-Z]*d/.test(a.value) || a.value === '--decompress');
  if (name !== 'tar') return false;
  return cmd.args.some((a, k) => a.value === '--extract' || a.value === '--get' || /^-[a-zA-Z]*x/.test(a.value) || (k === 0 && /^[a-zA-Z]*x[a-zA-Z]*$/.test(a.value)));
}

// A predicate made once: an arrow written in the handler is a closure made on every call (it showed in the
// allocation profile of the 5,000-line file).
const isFromFlag = (f: Flag) => f.name === 'from';

interface Copied { name: string; word: Word; copy: Instruction }

export default defineDockerfileRule({
  id: 'copy-archive-then-extract',
  aliases: ['DL3010'],
  severity: 'info',
  profile: 'recommended',
  fixable: 'never',
  docs: {
    summary: 'A local tarball is copied in with COPY and then unpacked by a RUN.',
    why: 'The COPY layer keeps the whole archive in the image even when a later RUN deletes it, so the image carries the files twice. ADD unpacks a local tarball in the same step, and the archive never lands in a layer.',
    bad: 'FROM debian:12-slim\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt\n',
    good: 'FROM debian:12-slim\nADD app.tar.gz /opt/\n',
    fix: 'Replace the COPY and the extracting command with `ADD archive.tar.gz /target/dir/`. Where the archive must go through other steps first, use `RUN --mount=type=bind,source=archive.tar.gz,target=/tmp/a.tgz tar -xzf /tmp/a.tgz` so it is never stored.',
    notes: 'Only tarballs count: ADD does not unpack a plain `.gz`, `.xz` or `.zip` file, so recommending it there (as hadolint does) would be wrong. hadolint reports on the COPY line; so does Seaworthy, at the archive\'s name.',
  },
  create(ctx) {
    /** The stage's copied tarballs, made on the first (most files copy none). */
    let copied: Copied[] | undefined;
    let reported: Set<Copied> | undefined;
    return {
      FROM() { copied = undefined; },
      COPY(i) {
        // A COPY has heredocs only when its arguments hold `<<` (the parser looks for them only then): most COPYs are
        // answered without reading `heredocs`, which makes a new empty list for each COPY without one.
        if (i.parent || (i.argsText.includes('<<') && i.heredocs.length) || i.flags.some(isFromFlag)) return;
        const words = i.exec ? i.exec.values : i.words;
        if (words.length < 2) return;
        const dest = words[words.length - 1];
        const destName = mayBeTarball(dest) ? baseName(stripQuotes(dest.raw)) : undefined;
        if (destName && TARBALL.test(destName)) { (copied ??= []).push({ name: destName, word: words[0], copy: i }); return; }
        for (let k = 0; k < words.length - 1; k++) {
          const w = words[k];
          if (!mayBeTarball(w)) continue;
          const name = baseName(stripQuotes(w.raw));
          if (TARBALL.test(name)) (copied ??= []).push({ name, word: w, copy: i });
        }
      },
      RUN(i) {
        const tarballs = copied;
        if (i.parent || !tarballs) return;
        for (const cmd of ctx.analysis.shell(i).commands) {
          if (!extracts(cmd)) continue;
          const args = cmd.args;
          for (const c of tarballs) {
            if (reported?.has(c) || !args.some((a) => baseName(a.value) === c.name)) continue;
            (reported ??= new Set()).add(c);
            ctx.report({
              span: c.word,
              message: `"${c.name}" is copied here and unpacked by the RUN on line ${ctx.lines.lineOf(i.start) + 1}: \`ADD\` unpacks a local tarball in one step, without storing the archive in a layer.`,
            });
          }
        }
      },
    };
  },
});
