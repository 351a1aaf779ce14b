import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/expose-port-out-of-range';

ruleTests(rule, {
  valid: ['EXPOSE 60000\n', 'EXPOSE ${FOOBAR}\n', 'EXPOSE 40000-60000/tcp\n', 'EXPOSE 40000-${FOOBAR}\n', 'EXPOSE 80 443/udp\n'],
  invalid: [
    { code: 'EXPOSE 80000\n', errors: [{ line: 1, text: '80000', message: /65535/ }], output: null },
    { code: 'EXPOSE 40000-80000/tcp\n', errors: [{ line: 1, text: '40000-80000/tcp' }] },
    { name: 'known variable value', code: 'FROM a:1\nARG PORT=99999\nEXPOSE 80 $PORT\n', errors: [{ line: 3, text: '$PORT' }] },
  ],
});
