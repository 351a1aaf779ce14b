import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/run-cd';

ruleTests(rule, {
  valid: [
    'WORKDIR /opt\n',
    'FROM a:1\nRUN echo cd\n',
    { name: 'a subshell scopes cd on purpose (hadolint reports it)', code: 'FROM a:1\nRUN (cd /src && make) && make install\n' },
  ],
  invalid: [
    { code: 'RUN cd /opt\n', errors: [{ line: 1, text: 'cd' }], output: null },
    {
      name: 'leading cd becomes WORKDIR',
      code: 'FROM a:1\nRUN cd /usr/src/app && make\n',
      errors: [{ line: 2, text: 'cd', message: /WORKDIR/ }],
      output: 'FROM a:1\nWORKDIR /usr/src/app\nRUN make\n',
    },
    {
      name: 'continuation lines collapse with the cd',
      code: 'FROM a:1\nrun cd /src && \\\n    make && \\\n    make install\n',
      errors: [{ line: 2, text: 'cd' }],
      output: 'FROM a:1\nworkdir /src\nrun make && \\\n    make install\n',
    },
    // Found by the fuzzer (seed 2007): the line inserted at offset 0 went before the BOM, which then began `RUN`.
    { name: 'a BOM stays first when WORKDIR goes above the first line', code: '\ufeffRUN cd /app && make\n', errors: [{ line: 1, text: 'cd' }], output: '\ufeff WORKDIR /app\nRUN make\n' },
    { name: 'relative cd: no fix', code: 'FROM a:1\nRUN cd src && make\n', errors: [{ line: 2, text: 'cd' }], output: null },
    { name: 'cd later in the script: no fix', code: 'FROM a:1\nRUN make && cd /x && ls\n', errors: [{ line: 2, text: 'cd' }], output: null },
    { name: 'a comment inside the removed text: no fix', code: 'FROM a:1\nRUN cd /src && \\\n# build it\n    make\n', errors: [{ line: 2, text: 'cd' }], output: null },
    { name: 'once per RUN', code: 'FROM a:1\nRUN cd /a && make && cd /b && make\n', errors: [{ line: 2 }] },
  ],
});
