import { defineComposeRule } from '../../rule';
import { isMap } from '../../compose/query';
import { checkDeclared, sourceReferences } from './util';

export default defineComposeRule({
  id: 'undefined-secret',
  aliases: [],
  severity: 'error',
  profile: 'recommended',
  fixable: 'never',
  docs: {
    summary: 'A service (or its build) uses a secret that is not declared under the top-level `secrets:`.',
    why: '`docker compose` refuses to load a project whose service refers to an undeclared secret ("service refers to undefined secret").',
    bad: 'services:\n  db:\n    image: postgres:17\n    secrets:\n      - db_password\n',
    good: 'services:\n  db:\n    image: postgres:17\n    secrets:\n      - db_password\nsecrets:\n  db_password:\n    file: ./db_password.txt\n',
    fix: 'Declare the secret under the top-level `secrets:` with `file:` or `environment:` (or `external: true`), or correct the name.',
  },
  check(ctx) {
    checkDeclared(ctx, 'secrets', 'secret', (svc) => {
      const build = svc.get('build');
      return [...sourceReferences(svc.get('secrets')), ...(isMap(build) ? sourceReferences(build.get('secrets')) : [])];
    });
  },
});
