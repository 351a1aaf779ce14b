import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/copy-from-own-stage';

ruleTests(rule, {
  valid: ['FROM scratch as build\nRUN foo\nFROM node as run\nCOPY --from=build foo .\nRUN baz\n', 'COPY --from=foo bar .\n', 'FROM a:1\nFROM b:1\nCOPY --from=0 /x /x\n'],
  invalid: [
    { code: 'FROM node as foo\nCOPY --from=foo bar .\n', errors: [{ line: 2, text: 'foo' }], output: null },
    { name: 'own index (hadolint compares names only)', code: 'FROM a:1\nFROM b:1\nCOPY --from=1 /x /x\n', errors: [{ line: 3, text: '1' }] },
    { code: 'FROM node AS App\nCOPY --from=app bar .\n', errors: [{ line: 2, text: 'app' }] },
  ],
});
