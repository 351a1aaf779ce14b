import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/env-self-reference';

ruleTests(rule, {
  valid: [
    'ENV BLA="blubb"\nENV BLUBB="${BLA}/blubb"\n',
    'ENV BLA="blubb" BLUBB="${FOOBLA}/blubb"\n',
    'ENV BLA="blubb" BLUBB="${BLAFOO}/blubb"\n',
    'ENV BLA="blubb" BLUBB="$FOOBLA/blubb"\n',
    'ENV BLA="blubb" BLUBB="$BLAFOO/blubb"\n',
    'ENV BLA="blubb" BLUBB="BLA/$BLAFOO/BLA"\n',
    'ARG BLA\nENV BLA=${BLA}\n',
    'ENV BLA blubb\nENV BLA=${BLA}\n',
    'ENV PATH=/bla:${PATH}\n',
    'ENV PATH=/bla:${PATH}\nENV PATH=/blubb:${PATH}\n',
    { name: 'single quotes do not expand', code: "ENV A=1 B='$A'\n" },
    { name: 'set before to an unknown value (ARG): same result either way, as in hadolint', code: 'FROM a:1\nARG V\nENV V=$V LABEL_V=$V\n' },
  ],
  invalid: [
    { code: 'ENV BLA="blubb" BLUBB="$BLA/$BLAFOO/blubb"\n', errors: [{ line: 1, text: '$BLA' }], output: 'ENV BLA="blubb"\nENV BLUBB="$BLA/$BLAFOO/blubb"\n' },
    { code: 'ENV PATH=/bla:${PATH} PATH=/blubb:${PATH}\n', errors: [{ line: 1, text: '${PATH}', message: /PATH is set in this same ENV/ }], output: 'ENV PATH=/bla:${PATH}\nENV PATH=/blubb:${PATH}\n' },
    { code: 'ENV BLA="blubb" BLUBB="${BLA}/blubb"\n', errors: [{ line: 1, text: '${BLA}' }] },
    { code: 'ENV BLA="blubb" BLUBB="$BLA"\n', errors: [{ line: 1, text: '$BLA' }] },
    {
      name: 'continuation kept in the indentation of the ENV',
      code: 'FROM a:1\n  ENV APP_HOME=/opt/app \\\n      APP_BIN=${APP_HOME}/bin\n',
      errors: [{ line: 3, text: '${APP_HOME}' }],
      output: 'FROM a:1\n  ENV APP_HOME=/opt/app\n  ENV APP_BIN=${APP_HOME}/bin\n',
    },
    { name: 'reference to a later pair: no split fix', code: 'ENV A=$B B=1\n', errors: [{ line: 1, text: '$B' }], output: null },
    {
      name: 'set before to a different known value: still surprising (hadolint misses it)',
      code: 'FROM a:1\nENV A=0\nENV A=1 B=$A\n',
      errors: [{ line: 3, text: '$A', message: /\("0"\)/ }],
    },
  ],
});
