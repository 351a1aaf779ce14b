import { defineDockerfileRule } from '../../rule';
import { deleteInstructionEdit, removeWordEdit } from './util';

export default defineDockerfileRule({
  id: 'ssh-port-exposed',
  aliases: ['DS004', 'CKV_DOCKER_1'],
  severity: 'warning',
  profile: 'recommended',
  fixable: 'always',
  docs: {
    summary: 'EXPOSE lists port 22 (SSH).',
    why: 'An SSH server in a container is one more service to patch, configure and protect from brute force, and it usually means credentials or keys baked into the image. `docker exec` (or `kubectl exec`) gives a shell without it.',
    bad: 'FROM debian:12-slim\nEXPOSE 22 8080\n',
    good: 'FROM debian:12-slim\nEXPOSE 8080\n',
    fix: 'The unsafe fix removes port 22 from EXPOSE. Also remove the SSH server itself and use `docker exec` for debugging.',
  },
  handlers: {
    EXPOSE(i, ctx) {
      for (const w of i.words) {
        const port = w.value.includes('$') ? ctx.analysis.expand(w.value, i).value : w.value;
        if (!/^(\d[\d.:[\]]*:)?22(\/tcp)?$/i.test(port)) continue;
        const edit = i.words.length === 1 ? deleteInstructionEdit(ctx, i) : removeWordEdit(ctx, w);
        ctx.report({
          span: { start: w.start, end: w.end },
          message: 'Port 22 exposes SSH: run no SSH server in the container and use docker exec for a shell.',
          fix: edit ? { title: 'Remove port 22', safe: false, edits: [edit] } : undefined,
        });
      }
    },
  },
});
