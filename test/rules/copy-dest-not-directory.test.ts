import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/copy-dest-not-directory';

ruleTests(rule, {
  valid: ['COPY foo bar\n', 'COPY foo bar baz/\n', 'COPY foo bar "baz/"\n', 'FROM a:1\nARG D=/app/\nCOPY a b $D\n', 'FROM a:1\nCOPY a b $UNKNOWN\n', 'COPY ["a", "b", "c\\\\"]\n'],
  invalid: [
    { code: 'COPY foo bar baz\n', errors: [{ line: 1, text: 'baz', message: /"baz\/"/ }], output: 'COPY foo bar baz/\n' },
    { code: 'COPY foo bar "baz"\n', errors: [{ line: 1, text: '"baz"' }], output: 'COPY foo bar "baz/"\n' },
    { code: 'FROM a:1\nCOPY ["a.json", "b.json", "/app"]\n', errors: [{ line: 2, text: '"/app"' }], output: 'FROM a:1\nCOPY ["a.json", "b.json", "/app/"]\n' },
    { name: '`.` is a directory to BuildKit but not to the classic builder', code: 'FROM a:1\nCOPY a b .\n', errors: [{ line: 2, text: '.' }], output: 'FROM a:1\nCOPY a b ./\n' },
    { name: 'ADD too (hadolint checks COPY only)', code: 'FROM a:1\nADD a b /x\n', errors: [{ line: 2, text: '/x' }], output: 'FROM a:1\nADD a b /x/\n' },
  ],
});
