import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/run-pointless-command';

ruleTests(rule, {
  valid: [
    'RUN apt-get install ssh\n',
    'ONBUILD RUN apt-get install ssh\n',
    'FROM a:1\nRUN echo ps top\n',
    { name: 'ssh with an ssh mount is how private fetches work', code: 'FROM a:1\nRUN --mount=type=ssh ssh -T git@example.com\n' },
  ],
  invalid: [
    { code: 'RUN top\n', errors: [{ line: 1, text: 'top' }], output: null },
    { name: 'ONBUILD trigger reported once', code: 'ONBUILD RUN top\n', errors: [{ line: 1, text: 'top' }] },
    { code: 'FROM a:1\nRUN service nginx start && /usr/bin/ps aux\n', errors: [{ line: 2, text: 'service', message: /service/ }, { line: 2, text: '/usr/bin/ps' }] },
    { name: 'ifconfig (not in hadolint\'s list)', code: 'FROM a:1\nRUN ifconfig eth0 up\n', errors: [{ line: 2, text: 'ifconfig' }] },
  ],
});
