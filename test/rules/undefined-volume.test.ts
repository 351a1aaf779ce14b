import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/compose/undefined-volume';

ruleTests(rule, {
  valid: [
    'services:\n  db:\n    image: postgres:17\n    volumes:\n      - pgdata:/var/lib/postgresql/data\n      - ./init:/docker-entrypoint-initdb.d:ro\n      - /srv/backup:/backup\n      - ~/cfg:/cfg\n      - /anonymous\nvolumes:\n  pgdata: {}\n',
    'services:\n  db:\n    image: postgres:17\n    volumes:\n      - type: bind\n        source: ./data\n        target: /data\n      - type: tmpfs\n        target: /tmp\n',
    'services:\n  db:\n    image: postgres:17\n    volumes:\n      - ${DATA_VOLUME:-pgdata}:/data\n',
    'services:\n  w:\n    image: x:1\n    volumes:\n      - C:\\data:/data\n',
  ],
  invalid: [
    {
      code: 'services:\n  db:\n    image: postgres:17\n    volumes:\n      - pgdat:/var/lib/postgresql/data\nvolumes:\n  pgdata: {}\n',
      errors: [{ line: 5, text: 'pgdat', message: /volume "pgdat".*did you mean "pgdata"\?/ }],
      output: null,
    },
    {
      name: 'long syntax and a quoted short entry',
      code: 'services:\n  app:\n    image: x:1\n    volumes:\n      - type: volume\n        source: cache\n        target: /cache\n      - "data:/data"\n',
      errors: [{ line: 6, text: 'cache' }, { line: 8, text: 'data' }],
    },
  ],
});
