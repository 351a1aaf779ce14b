import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/pipe-to-shell';

ruleTests(rule, {
  valid: [
    'FROM debian\nRUN curl -fsSL https://x -o /tmp/i.sh && sh /tmp/i.sh\n',
    'FROM debian\nRUN curl -fsSL https://x | tar -xz\n',
    'FROM debian\nRUN wget -q https://x && bash x\n',
    'FROM debian\nRUN echo hi | sh\n',
  ],
  invalid: [
    { code: 'FROM debian\nRUN curl -fsSL https://example.com/install.sh | sh\n', errors: [{ line: 2, text: 'sh', message: /unverified/ }], output: null },
    { code: 'FROM debian\nRUN wget -qO- https://x | sudo -E bash -\n', errors: [{ line: 2, text: 'bash' }] },
    { code: 'FROM debian\nRUN curl -sSL https://x | python3 -\n', errors: [{ line: 2, text: 'python3' }] },
    { code: 'FROM debian\nRUN sh -c "$(curl -fsSL https://x)"\n', errors: [{ line: 2, text: 'sh', message: /substitution/ }] },
  ],
});
