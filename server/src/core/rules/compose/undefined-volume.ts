import { defineComposeRule } from '../../rule';
import { mounts } from '../../compose/facts';
import { checkDeclared, type Reference } from './util';

export default defineComposeRule({
  id: 'undefined-volume',
  aliases: [],
  severity: 'error',
  profile: 'recommended',
  fixable: 'never',
  docs: {
    summary: 'A service mounts a named volume that is not declared under the top-level `volumes:`.',
    why: '`docker compose` refuses to start a project whose service mounts an undeclared named volume ("service refers to undefined volume"). A source without `/` or `.` is a volume name, not a path — a missing `./` is a classic cause.',
    bad: 'services:\n  db:\n    image: postgres:17\n    volumes:\n      - pgdata:/var/lib/postgresql/data\n',
    good: 'services:\n  db:\n    image: postgres:17\n    volumes:\n      - pgdata:/var/lib/postgresql/data\nvolumes:\n  pgdata: {}\n',
    fix: 'Declare the volume under the top-level `volumes:`, or write the source as a path (`./data`) if a bind mount was meant.',
    notes: 'Volumes declared in the base file (for override and `compose.<env>.yaml` files) and in `include`d files count; when those cannot be read the rule stays quiet.',
  },
  check(ctx) {
    checkDeclared(ctx, 'volumes', 'volume', (svc) => mounts(svc).filter((m) => m.named && m.source && m.sourceSpan).map((m): Reference => ({ name: m.source!, span: m.sourceSpan! })));
  },
});
