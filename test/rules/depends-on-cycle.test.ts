import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/compose/depends-on-cycle';

ruleTests(rule, {
  valid: [
    'services:\n  a:\n    image: x:1\n    depends_on: [b, c]\n  b:\n    image: x:1\n    depends_on: [c]\n  c:\n    image: x:1\n',
    // a dependency on an undefined service is another rule's business
    'services:\n  a:\n    image: x:1\n    depends_on: [zzz]\n',
  ],
  invalid: [
    {
      code: 'services:\n  api:\n    image: x:1\n    depends_on: [worker]\n  worker:\n    image: x:1\n    depends_on:\n      api:\n        condition: service_started\n',
      errors: [{ line: 8, text: 'api', message: /Dependency cycle: api → worker → api/ }],
      output: null,
    },
    {
      name: 'self-dependency and a three-service cycle through links and network_mode',
      code: 'services:\n  s:\n    image: x:1\n    depends_on: [s]\n  a:\n    image: x:1\n    links: [b]\n  b:\n    image: x:1\n    network_mode: service:c\n  c:\n    image: x:1\n    depends_on: [a]\n',
      errors: [{ line: 4, text: 's', message: /depends on itself/ }, { line: 13, text: 'a', message: /a → b → c → a/ }],
    },
  ],
});
