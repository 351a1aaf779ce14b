import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/compose/compose-schema';

ruleTests(rule, {
  valid: [
    'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "8080:80"\n      - target: 443\n        published: 8443\n',
    'name: shop\nx-common: &common\n  restart: unless-stopped\nservices:\n  web:\n    <<: *common\n    image: nginx:1.27\n    x-note: anything goes\n',
    // interpolated values are validated after substitution by Compose
    'services:\n  web:\n    image: nginx:1.27\n    cpu_count: ${CPUS}\n    privileged: ${PRIV:-false}\n',
    // !reset / !override are Compose tags
    'services:\n  web:\n    image: nginx:1.27\n    ports: !reset []\n',
    '',
    '# only a comment\n',
  ],
  invalid: [
    {
      name: 'misspelled service key with did-you-mean',
      code: 'services:\n  web:\n    imgae: nginx:1.27\n',
      errors: [{ line: 3, text: 'imgae', message: /Unknown key "imgae" in service "web"; did you mean "image"\?/ }],
      output: null,
    },
    {
      name: 'misspelled top-level key',
      code: 'servics:\n  web:\n    image: nginx:1.27\n',
      errors: [{ line: 1, text: 'servics', message: /at the top level; did you mean "services"\?/ }],
    },
    {
      name: 'every error is reported, each at its place (allErrors)',
      code: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - target: 80\n        publishd: 8080\n    build:\n      contxt: .\n    environment: 5\n    cap_add: [NET_ADMIN, NET_ADMIN]\n',
      errors: [
        { line: 6, text: 'publishd', message: /did you mean "published"/ },
        { line: 8, text: 'contxt', message: /Unknown key "contxt" in "build" of service "web"; did you mean "context"/ },
        { line: 9, text: '5', message: /"environment" of service "web" must be a mapping or a list, not the number 5/ },
        { line: 10, text: 'NET_ADMIN', message: /Duplicate item "NET_ADMIN"/ },
      ],
    },
    {
      name: 'missing required key reported at the entry',
      code: 'services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      db:\n        restart: true\n  db:\n    image: postgres:17\n',
      errors: [{ line: 5, text: 'db', message: /missing the required key "condition"/ }],
    },
    {
      name: 'enum with did-you-mean',
      code: 'services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      db:\n        condition: service_heathy\n  db:\n    image: postgres:17\n',
      errors: [{ line: 6, text: 'service_heathy', message: /must be one of .*did you mean "service_healthy"/ }],
    },
    {
      name: 'invalid service name',
      code: 'services:\n  "my app":\n    image: nginx:1.27\n',
      errors: [{ line: 2, text: '"my app"', message: /Service name "my app" is not valid/ }],
    },
    {
      name: 'an error inside a merged anchor is reported once, where it is written',
      code: 'x-base: &base\n  restrat: always\nservices:\n  a:\n    <<: *base\n    image: nginx:1.27\n  b:\n    <<: *base\n    image: nginx:1.27\n',
      errors: [{ line: 2, text: 'restrat', message: /did you mean "restart"/ }],
    },
    {
      name: 'wrong type for a whole section',
      code: 'services:\n  - web\n',
      errors: [{ line: 2, text: '- web', message: /"services" must be a mapping, not a list/ }],
    },
  ],
});
