import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/compose/service-host-namespace';

ruleTests(rule, {
  valid: ['services:\n  a:\n    image: x:1\n    pid: service:b\n    ipc: shareable\n  b:\n    image: x:1\n'],
  invalid: [
    {
      code: 'services:\n  mon:\n    image: x:1\n    pid: host\n    ipc: host\n    userns_mode: host\n',
      errors: [{ line: 4, text: 'host', message: /pid: host/ }, { line: 5, text: 'host', message: /ipc: host/ }, { line: 6, text: 'host', message: /userns_mode/ }],
      output: null,
    },
  ],
});
