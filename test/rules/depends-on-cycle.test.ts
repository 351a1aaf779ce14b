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

/** Services s0 … s(n-1), each depending on the next, the last on s0. */
const ring = (n: number) => 'services:\n' + Array.from({ length: n }, (_, i) => `  s${i}:\n    image: x:1\n    depends_on: [s${(i + 1) % n}]\n`).join('');

ruleTests(rule, {
  valid: [],
  invalid: [
    {
      name: 'a long cycle names its ends, not every service',
      code: ring(20),
      errors: [{ line: 61, text: 's0', message: /^Dependency cycle: s0 → s1 → s2 → s3 → s4 → s5 → … \(8 more\) → s14 → s15 → s16 → s17 → s18 → s19 → s0;/ }],
    },
    {
      name: 'the same pair of services linked twice is one cycle',
      code: 'services:\n  a:\n    image: x:1\n    depends_on: [b]\n  b:\n    image: x:1\n    depends_on: [a]\n    links: [a]\n',
      errors: [{ line: 7, text: 'a', message: /a → b → a/ }],
    },
    // A depth-first walk by recursion overflowed the stack here (a rule error, no finding).
    { name: 'a cycle of 20,000 services', code: ring(20_000), settings: { maxFileSize: 4_000_000 }, errors: [{ line: 60_001, text: 's0', message: /\(19988 more\)/ }] },
  ],
});
