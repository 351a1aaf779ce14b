import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/compose/database-port-published';

ruleTests(rule, {
  valid: [
    'services:\n  db:\n    image: postgres:17\n    ports:\n      - "127.0.0.1:5432:5432"\n      - "10.0.0.5:6379:6379"\n  web:\n    image: nginx:1.27\n    ports:\n      - "80:80"\n',
    'services:\n  db:\n    image: postgres:17\n    expose:\n      - "5432"\n',
    'services:\n  db:\n    image: postgres:17\n    ports:\n      - "${DB_BIND:-127.0.0.1}:5432:5432"\n',
  ],
  invalid: [
    {
      name: 'short syntax variants: quoted, plain, number, explicit 0.0.0.0, container-only',
      code: 'services:\n  db:\n    image: postgres:17\n    ports:\n      - "5432:5432"\n      - 6379:6379\n      - 27017\n      - 0.0.0.0:9200:9200\n      - "11211"\n',
      errors: [
        { line: 5, text: '"5432:5432"', message: /publishes the PostgreSQL port 5432 on all interfaces/ },
        { line: 6, text: '6379:6379', message: /Redis/ },
        { line: 7, text: '27017', message: /MongoDB/ },
        { line: 8, text: '0.0.0.0:9200:9200', message: /Elasticsearch/ },
        { line: 9, text: '"11211"', message: /Memcached/ },
      ],
      output: 'services:\n  db:\n    image: postgres:17\n    ports:\n      - "127.0.0.1:5432:5432"\n      - 127.0.0.1:6379:6379\n      - "127.0.0.1::27017"\n      - 127.0.0.1:9200:9200\n      - "127.0.0.1::11211"\n',
    },
    {
      name: 'long syntax: host_ip added at the right indentation; a different host port still counts',
      code: 'services:\n  db:\n    image: mysql:8.4\n    ports:\n      - target: 3306\n        published: 13306\n',
      errors: [{ line: 6, text: '13306', message: /MySQL\/MariaDB port 3306/ }],
      output: 'services:\n  db:\n    image: mysql:8.4\n    ports:\n      - target: 3306\n        published: 13306\n        host_ip: 127.0.0.1\n',
    },
  ],
});
