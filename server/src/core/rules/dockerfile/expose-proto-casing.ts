import { defineDockerfileRule } from '../../rule';

export default defineDockerfileRule({
  id: 'expose-proto-casing',
  aliases: ['ExposeProtoCasing'],
  severity: 'hint',
  profile: 'recommended',
  fixable: 'always',
  docs: {
    summary: 'EXPOSE writes the protocol in upper or mixed case (`80/TCP`).',
    why: 'Protocols are lowercase everywhere else (`docker run -p 80/tcp`, the image config, Compose); `TCP` works only because Docker lower-cases it, and tools that read the image config may not.',
    bad: 'FROM nginx:1.27\nEXPOSE 80/TCP\n',
    good: 'FROM nginx:1.27\nEXPOSE 80/tcp\n',
    fix: 'The safe fix lower-cases the protocol.',
  },
  handlers: {
    EXPOSE(i, ctx) {
      for (const w of i.words) {
        const slash = w.raw.lastIndexOf('/');
        if (slash < 0 || w.raw !== w.value) continue;
        const proto = w.raw.slice(slash + 1);
        if (!proto || proto === proto.toLowerCase()) continue;
        const span = { start: w.start + slash + 1, end: w.end };
        ctx.report({
          span,
          message: `Write the protocol of "${w.raw}" in lowercase: "${proto.toLowerCase()}".`,
          fix: { title: `Use "${proto.toLowerCase()}"`, safe: true, edits: [{ ...span, newText: proto.toLowerCase() }] },
        });
      }
    },
  },
});
