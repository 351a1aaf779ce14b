import { defineComposeRule } from '../../rule';
import { allServices, hasVariable } from '../../compose/facts';
import { isScalar, scalarString } from '../../compose/query';

const VALID = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

export default defineComposeRule({
  id: 'container-name-invalid',
  aliases: ['service-container-name-regex'],
  severity: 'error',
  profile: 'recommended',
  fixable: 'never',
  docs: {
    summary: 'A `container_name` has characters Docker does not allow.',
    why: 'Docker accepts container names matching `[a-zA-Z0-9][a-zA-Z0-9_.-]+` only; anything else fails at creation ("Invalid container name"). The Compose schema does not catch it.',
    bad: 'services:\n  web:\n    image: nginx:1.27\n    container_name: "my app@1"\n',
    good: 'services:\n  web:\n    image: nginx:1.27\n    container_name: my-app-1\n',
    fix: 'Use letters, digits, `_`, `.` and `-` only, starting with a letter or digit (at least two characters).',
  },
  check(ctx) {
    for (const s of allServices(ctx.doc)) {
      const v = s.node?.get('container_name');
      const name = scalarString(v);
      if (!isScalar(v) || name === undefined || hasVariable(name) || VALID.test(name)) continue;
      ctx.report({ span: v, message: `Container name "${name}" of service "${s.name}" is not valid: use letters, digits, "_", "." and "-", starting with a letter or digit.` });
    }
  },
});
