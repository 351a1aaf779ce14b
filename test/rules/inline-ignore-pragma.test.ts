import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/inline-ignore-pragma';

ruleTests(rule, {
  valid: [
    'FROM debian:12\nRUN foo bar\n',
    { name: 'shell pragma is not an ignore', code: '# hadolint shell=powershell\nFROM debian:12\n' },
    { name: 'file-wide ignores are config, not inline', code: '# hadolint global ignore=DL3008\nFROM debian:12\n' },
    { name: 'seaworthy file-wide ignore', code: '# seaworthy-ignore-file run-cd\nFROM debian:12\n' },
    '# foobar\nRUN foo bar\n',
  ],
  invalid: [
    { code: '# hadolint ignore=DL3003\nRUN foo bar\n', errors: [{ line: 1, text: '# hadolint ignore=DL3003' }], output: null },
    { code: 'FROM debian:12\n# seaworthy-ignore run-cd\nRUN cd /x\n', errors: [{ line: 2, text: '# seaworthy-ignore run-cd', message: /config file/ }] },
  ],
});
