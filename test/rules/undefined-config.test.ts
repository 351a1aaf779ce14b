import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/compose/undefined-config';

ruleTests(rule, {
  valid: [
    'services:\n  proxy:\n    image: nginx:1.27\n    configs:\n      - nginx_conf\nconfigs:\n  nginx_conf:\n    file: ./nginx.conf\n',
  ],
  invalid: [
    {
      code: 'services:\n  proxy:\n    image: nginx:1.27\n    configs:\n      - nginx_conf\n      - source: site\n        target: /etc/site\n',
      errors: [{ line: 5, text: 'nginx_conf', message: /config "nginx_conf".*top-level "configs:"/ }, { line: 6, text: 'site' }],
      output: null,
    },
  ],
});
