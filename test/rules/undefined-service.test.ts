import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/compose/undefined-service';

ruleTests(rule, {
  valid: [
    'services:\n  web:\n    image: nginx:1.27\n    depends_on: [db]\n    links: ["db:database"]\n  db:\n    image: postgres:17\n',
    'services:\n  base:\n    image: nginx:1.27\n  web:\n    extends: base\n  other:\n    extends:\n      file: common.yaml\n      service: elsewhere\n',
    'services:\n  vpn:\n    image: example/vpn:1\n  app:\n    image: example/app:1\n    network_mode: service:vpn\n    volumes_from:\n      - vpn:ro\n      - container:legacy\n',
    // an override file: the base file defines db
    { code: 'services:\n  web:\n    depends_on: [db]\n', path: 'compose.override.yaml', files: { 'compose.yaml': 'services:\n  web:\n    image: x:1\n  db:\n    image: postgres:17\n' } },
    // an override file whose base cannot be read: stay quiet
    { code: 'services:\n  web:\n    depends_on: [db]\n', path: 'compose.override.yaml' },
    // included files define services
    { code: 'include:\n  - ./db/compose.yaml\nservices:\n  web:\n    image: x:1\n    depends_on: [db]\n', files: { 'db/compose.yaml': 'services:\n  db:\n    image: postgres:17\n' } },
  ],
  invalid: [
    {
      name: 'depends_on short syntax, did you mean',
      code: 'services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      - dbb\n  db:\n    image: postgres:17\n',
      errors: [{ line: 5, text: 'dbb', message: /Service "web" depends on "dbb", which is not defined; did you mean "db"\?/ }],
      output: null,
    },
    {
      name: 'long syntax, links, extends, network_mode, volumes_from',
      code: 'services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      cache:\n        condition: service_started\n    links:\n      - "search:es"\n    extends: nothere\n    network_mode: service:vpn\n    volumes_from:\n      - data:ro\n',
      errors: [
        { line: 5, text: 'cache', message: /depends on "cache"/ },
        { line: 8, text: '"search', message: /links to "search"/ },
        { line: 9, text: 'nothere', message: /extends "nothere"/ },
        { line: 10, text: 'vpn', message: /network_mode of "vpn"/ },
        { line: 12, text: 'data', message: /mounts the volumes of "data"/ },
      ],
    },
    {
      name: 'an include that cannot be read does not hide other files: it makes the check quiet only when needed',
      code: 'services:\n  web:\n    image: x:1\n    depends_on: [db]\n',
      path: 'compose.yaml',
      errors: [{ line: 4, text: 'db' }],
    },
  ],
});
