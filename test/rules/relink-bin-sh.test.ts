import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/relink-bin-sh';

ruleTests(rule, {
  valid: [
    'RUN ln -sf /bin/true /sbin/initctl\n',
    'ONBUILD RUN ln -sf /bin/true /sbin/initctl\n',
    'RUN ln -s foo bar && unrelated && something_with /bin/sh\n',
    { name: 'a link to /bin/sh elsewhere leaves /bin/sh alone (hadolint reports it)', code: 'RUN ln -s /bin/sh /usr/local/bin/sh\n' },
  ],
  invalid: [
    { code: 'RUN ln -sfv /bin/bash /bin/sh\n', errors: [{ line: 1, text: '/bin/sh' }], output: null },
    { code: 'ONBUILD RUN ln -sfv /bin/bash /bin/sh\n', errors: [{ line: 1, text: '/bin/sh' }] },
    { code: 'FROM a:1\nRUN rm /bin/sh && ln -s /bin/bash "/bin/sh"\n', errors: [{ line: 2, text: '"/bin/sh"' }] },
  ],
});
