import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/compose/interpolation-invalid';

ruleTests(rule, {
  valid: [
    'services:\n  web:\n    image: "example/web:${TAG:-1.0}"\n    command: sh -c \'echo $$HOME $${X}\'\n    environment:\n      A: $VAR\n      B: ${B:?B is required}\n      C: ${C:+set}\n      D: ${D-${E:-nested}}\n      E: "$$"\n',
    'services:\n  web:\n    image: x:1\n    labels:\n      price: 5 dollars\n',
    // keys are not interpolated
    'services:\n  web:\n    image: x:1\n    environment:\n      $WEIRD: "1"\n',
  ],
  invalid: [
    {
      name: 'unclosed braces and bad names',
      code: 'services:\n  web:\n    image: "example/web:${TAG:-1.0"\n    environment:\n      A: ${}\n      B: ${1X}\n      C: ${X!}\n',
      errors: [
        { line: 3, text: '${TAG:-1.0', message: /never closed/ },
        { line: 5, text: '${}', message: /no valid variable name/ },
        { line: 6, text: '${1X}', message: /no valid variable name/ },
        { line: 7, text: '${X!}', message: /after the name only/ },
      ],
      output: null,
    },
    {
      name: 'a lone $ (plain, double-quoted and list syntax) gets a $$ fix',
      code: 'services:\n  web:\n    image: x:1\n    command: sh -c \'echo $(date) $1\'\n    environment:\n      - "PRICE=5$"\n',
      errors: [
        { line: 4, text: '$', message: /write "\$\$"/ },
        { line: 4, text: '$' },
        { line: 6, text: '$' },
      ],
      output: 'services:\n  web:\n    image: x:1\n    command: sh -c \'echo $$(date) $$1\'\n    environment:\n      - "PRICE=5$$"\n',
    },
    {
      name: 'in a block scalar the exact place is found',
      code: 'services:\n  web:\n    image: x:1\n    command: |\n      echo ${BROKEN\n',
      errors: [{ line: 5, text: '${BROKEN' }],
      output: null,
    },
    {
      name: 'a broken default inside a valid variable',
      code: 'services:\n  web:\n    image: ${IMG:-${}}\n',
      errors: [{ line: 3, text: '${}' }],
    },
  ],
});
