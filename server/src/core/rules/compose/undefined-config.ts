import { defineComposeRule } from '../../rule';
import { checkDeclared, sourceReferences } from './util';

export default defineComposeRule({
  id: 'undefined-config',
  aliases: [],
  severity: 'error',
  profile: 'recommended',
  fixable: 'never',
  docs: {
    summary: 'A service uses a config that is not declared under the top-level `configs:`.',
    why: '`docker compose` refuses to load a project whose service refers to an undeclared config ("service refers to undefined config").',
    bad: 'services:\n  proxy:\n    image: nginx:1.27\n    configs:\n      - nginx_conf\n',
    good: 'services:\n  proxy:\n    image: nginx:1.27\n    configs:\n      - source: nginx_conf\n        target: /etc/nginx/nginx.conf\nconfigs:\n  nginx_conf:\n    file: ./nginx.conf\n',
    fix: 'Declare the config under the top-level `configs:` (`file:`, `content:`, `environment:` or `external: true`), or correct the name.',
  },
  check(ctx) {
    checkDeclared(ctx, 'configs', 'config', (svc) => sourceReferences(svc.get('configs')));
  },
});
