import { defineComposeRule } from '../../rule';
import { checkDeclared, namesOf } from './util';

export default defineComposeRule({
  id: 'undefined-network',
  aliases: [],
  severity: 'error',
  profile: 'recommended',
  fixable: 'never',
  docs: {
    summary: 'A service joins a network that is not declared under the top-level `networks:`.',
    why: '`docker compose` refuses to start a project whose service refers to an undeclared network ("service refers to undefined network"). Only `default` exists without a declaration.',
    bad: 'services:\n  web:\n    image: nginx:1.27\n    networks:\n      - frontend\n',
    good: 'services:\n  web:\n    image: nginx:1.27\n    networks:\n      - frontend\nnetworks:\n  frontend: {}\n',
    fix: 'Declare the network under the top-level `networks:` (add `external: true` when it is created outside this project), or correct the name — the message suggests the closest declared one.',
    notes: 'Networks declared in the base file (for override and `compose.<env>.yaml` files) and in `include`d files count; when those cannot be read the rule stays quiet.',
  },
  check(ctx) {
    checkDeclared(ctx, 'networks', 'network', (svc) => namesOf(svc.get('networks')), ['default']);
  },
});
