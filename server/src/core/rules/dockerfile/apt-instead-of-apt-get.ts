import { defineDockerfileRule } from '../../rule';
import { packageCommand, subcommand } from '../../dockerfile/packages';

// apt subcommand → the script-stable command doing the same, and whether the result is the same.
const SAME = ['install', 'remove', 'purge', 'autoremove', 'autopurge', 'update', 'clean', 'autoclean', 'distclean', 'source', 'build-dep', 'download', 'changelog', 'satisfy', 'check'];
function replacement(sub: string | undefined): { tool: string; sub?: string; safe: boolean } | undefined {
  if (sub === undefined) return undefined;
  if (SAME.includes(sub)) return { tool: 'apt-get', safe: true };
  if (sub === 'full-upgrade') return { tool: 'apt-get', sub: 'dist-upgrade', safe: true };
  // `apt upgrade` may install new dependencies, `apt-get upgrade` holds such packages back.
  if (sub === 'upgrade') return { tool: 'apt-get', safe: false };
  // Same information, different output format.
  if (['search', 'show', 'policy', 'depends', 'rdepends', 'showsrc'].includes(sub)) return { tool: 'apt-cache', safe: false };
  return undefined;
}

export default defineDockerfileRule({
  id: 'apt-instead-of-apt-get',
  aliases: ['DL3027', 'CKV_DOCKER_9'],
  severity: 'info',
  profile: 'recommended',
  fixable: 'sometimes',
  docs: {
    summary: 'RUN uses apt, the interactive front end, instead of apt-get or apt-cache.',
    why: '`apt` is made for people at a terminal: its output and behaviour may change between releases and it warns that its command line is not stable for scripts. `apt-get` and `apt-cache` keep a stable interface for builds.',
    bad: 'FROM debian:12\nRUN apt install -y curl\n',
    good: 'FROM debian:12\nRUN apt-get install -y curl\n',
    fix: 'The quick fix replaces `apt` with `apt-get` (or `apt-cache` for search, show, policy, depends). It is safe for install, remove, purge, autoremove, update, clean, source, build-dep, download and for `full-upgrade` (written `apt-get dist-upgrade`), which do the same thing; it is unsafe for `upgrade` (`apt upgrade` may install new dependencies, `apt-get upgrade` holds them back) and for the `apt-cache` queries (their output differs). `apt list` and other apt-only commands get no fix.',
    notes: 'One difference survives the safe fix: `apt` deletes downloaded .deb files after installing and `apt-get` keeps them, which the `docker-clean` hook of the official Debian and Ubuntu images undoes anyway.',
  },
  handlers: {
    RUN(i, ctx) {
      if (!ctx.analysis.runsManager(i, 'apt')) return;
      for (const c of ctx.analysis.shell(i).commands) {
        const p = packageCommand(c);
        if (p?.manager !== 'apt') continue;
        const name = p.cmd.name!;
        const sub = subcommand(p);
        const r = replacement(sub?.value);
        const plain = name.raw === name.value && !name.dynamic;
        const edits = r && plain ? [{ start: name.start, end: name.end, newText: name.raw.slice(0, -3) + r.tool }] : [];
        if (r?.sub && sub && sub.raw === sub.value) edits.push({ start: sub.start, end: sub.end, newText: r.sub });
        ctx.report({
          span: name,
          message: `Use ${r?.tool ?? 'apt-get or apt-cache'} instead of apt in a Dockerfile: apt's command line is meant for people and is not stable in scripts.`,
          fix: r && plain ? { title: `Use ${r.tool}${r.sub ? ` ${r.sub}` : ''}`, safe: r.safe, edits } : undefined,
        });
      }
    },
  },
});
