import { defineDockerfileRule } from '../../rule';

const FIVE_DIGITS = /\d{5}/;

export default defineDockerfileRule({
  id: 'expose-port-out-of-range',
  aliases: ['DL3011'],
  severity: 'error',
  profile: 'recommended',
  fixable: 'never',
  docs: {
    summary: 'EXPOSE names a port above 65535.',
    why: 'TCP and UDP ports are 16-bit numbers: Docker refuses the image metadata, so the build fails — usually a typo such as `80800` for `8080`.',
    bad: 'FROM nginx:1.27\nEXPOSE 80800\n',
    good: 'FROM nginx:1.27\nEXPOSE 8080\n',
    fix: 'Correct the port number; ranges are written `8000-8010/tcp`.',
    notes: 'Ports written with variables are checked after expansion when the value is known (`ARG PORT=99999`), and skipped otherwise, like hadolint.',
  },
  handlers: {
    EXPOSE(i, ctx) {
      for (const w of i.words) {
        const value = w.value.includes('$') ? ctx.analysis.expand(w.value, i).value : w.value;
        if (!FIVE_DIGITS.test(value)) continue; // a port above 65535 has five digits or more: most words stop here
        const ports = value.replace(/\/[A-Za-z]*$/, '').split('-');
        const bad = ports.find((p) => /^\d+$/.test(p) && Number(p) > 65535);
        if (bad === undefined) continue;
        ctx.report({ span: w, message: `Port ${bad} does not exist: ports range from 0 to 65535.` });
      }
    },
  },
});
