import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/useradd-high-uid';

ruleTests(rule, {
  valid: ['RUN useradd luser\n', 'RUN useradd -u 12345 luser\n', 'RUN useradd -l -u 123456 luser\n', 'RUN useradd -l luser\n', 'RUN useradd --no-log-init --uid=1000000 app\n', 'RUN useradd -u $UID app\n'],
  invalid: [
    { code: 'RUN useradd -u 123456 luser\n', errors: [{ line: 1, text: '-u', message: /123456/ }], output: 'RUN useradd -l -u 123456 luser\n' },
    { code: 'FROM a:1\nRUN groupadd -g 1000000 g && useradd -r --uid=1000000 -g g app\n', errors: [{ line: 2, text: '--uid=1000000' }], output: 'FROM a:1\nRUN groupadd -g 1000000 g && useradd -l -r --uid=1000000 -g g app\n' },
    { name: 'value glued to the flag', code: 'RUN useradd -u1000000 app\n', errors: [{ line: 1, text: '-u1000000' }], output: 'RUN useradd -l -u1000000 app\n' },
  ],
});
