import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/copy-from-unknown-stage';

ruleTests(rule, {
  valid: [
    'FROM scratch as build\nRUN foo\nFROM node\nCOPY --from=build foo .\nRUN baz\n',
    'COPY --from=haskell:latest bar .\n',
    'FROM scratch as build\nRUN foo\nFROM node\nCOPY --from=0 foo .\n',
    'FROM scratch\nRUN foo\nFROM node\nCOPY --from=0 foo .\n',
    'FROM a:1 AS Build\nFROM a:1\nCOPY --from=build /x /x\n',
    'FROM a:1\nCOPY --from=$STAGE /x /x\n',
    'FROM a:1\nCOPY --from=ghcr.io/org/tool /x /x\n',
    { name: 'own stage is copy-from-own-stage', code: 'FROM node as foo\nCOPY --from=foo bar .\n' },
  ],
  invalid: [
    { code: 'COPY --from=foo bar .\n', errors: [{ line: 1, text: 'foo', message: /pulls the image "foo:latest"/ }], output: null },
    { code: 'FROM scratch\nCOPY --from=build foo .\nFROM node as build\nRUN baz\n', errors: [{ line: 2, text: 'build', message: /defined later \(line 3\)/ }] },
    { code: 'COPY --from=0 bar .\n', errors: [{ line: 1, text: '0', message: /no stage 0/ }] },
    { code: 'FROM a:1 AS build\nFROM a:1\nCOPY --from=2 /x /x\n', errors: [{ line: 3, text: '2' }] },
  ],
});
