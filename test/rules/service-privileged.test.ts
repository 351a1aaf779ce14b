import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/compose/service-privileged';

ruleTests(rule, {
  valid: ['services:\n  a:\n    image: x:1\n    privileged: false\n', 'services:\n  a:\n    image: x:1\n'],
  invalid: [
    { code: 'services:\n  agent:\n    image: x:1\n    privileged: true\n', errors: [{ line: 4, text: 'privileged', message: /root in the container is root on the host/ }], output: null },
  ],
});
