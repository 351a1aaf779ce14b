import { defineDockerfileRule } from '../../rule';
import { commandName, findFlag, flagValue, hasFlag, type OptionSpec } from '../../shell/commands';

// useradd options that take a value (shadow-utils).
const USERADD: OptionSpec = {
  shortWithValue: 'bcdefgGkKpsuRPZ',
  longWithValue: ['base-dir', 'comment', 'home-dir', 'expiredate', 'inactive', 'gid', 'groups', 'skel', 'key', 'password', 'shell', 'uid', 'root', 'prefix', 'selinux-user'],
};

export default defineDockerfileRule({
  id: 'useradd-high-uid',
  aliases: ['DL3046'],
  severity: 'warning',
  profile: 'recommended',
  fixable: 'always',
  docs: {
    summary: '`useradd` creates a user with a large UID without `-l` (`--no-log-init`).',
    why: 'useradd reserves space for the new UID in the sparse lastlog and faillog files. Layers store sparse files in full, so a UID such as 1000000 can add hundreds of megabytes — or gigabytes — of zeros to the image.',
    bad: 'FROM debian:12-slim\nRUN useradd -u 1000000 app\n',
    good: 'FROM debian:12-slim\nRUN useradd -l -u 1000000 app\n',
    fix: 'The safe fix adds `-l` right after `useradd`: the user is created the same way, only the login-record files are not filled in.',
    notes: 'Like hadolint, a UID counts as large from 6 digits on; UIDs written with variables are not checked.',
  },
  handlers: {
    RUN(i, ctx) {
      for (const cmd of ctx.analysis.shell(i).commands) {
        if (commandName(cmd) !== 'useradd' || !cmd.name) continue;
        // The UID first: most useradd commands give none or a small one, and then -l does not matter.
        const uid = flagValue(cmd, 'u', 'uid', USERADD);
        if (uid === undefined || !/^\d{6,}$/.test(uid) || hasFlag(cmd, 'l', 'no-log-init', USERADD)) continue;
        const word = findFlag(cmd, 'u', 'uid', USERADD) ?? cmd.name;
        ctx.report({
          span: word,
          message: `UID ${uid} without \`-l\`: useradd fills the sparse lastlog/faillog files up to this UID, which bloats the layer. Add \`-l\` (--no-log-init).`,
          fix: { title: 'Add -l (--no-log-init)', safe: true, edits: [{ start: cmd.name.end, end: cmd.name.end, newText: ' -l' }] },
        });
      }
    },
  },
});
