// The rule alone (no other rule runs): comments that can suppress nothing. Richer cases, with the
// rules the comments name, are in test/unit/suppress.test.ts.
import { ruleTests } from '../helpers/rule-tester';
import unusedSuppression from '../../server/src/core/rules/dockerfile/unused-suppression';

ruleTests(unusedSuppression, {
  valid: [
    'FROM debian:12\nUSER 1000\n',
    // Ids of rules that did not run (here: every other rule) may be for another profile or for the peer tool.
    'FROM debian:12\n# hadolint ignore=DL3008\nRUN apt-get install -y curl\n',
    '# check=skip=JSONArgsRecommended\nFROM debian:12\nCMD run.sh\n',
    'FROM debian:12\n# seaworthy-ignore image-untagged\nUSER 1000\n',
    // An explicit mention of the rule switches its reports off.
    '# seaworthy-ignore-file unused-suppression\nFROM debian:12\n# seaworthy-ignore\nUSER 1000\n',
  ],
  invalid: [
    {
      name: 'found by the fuzzer: removing a leading comment would make the next line a parser directive',
      code: '# seaworthy-ignore-file\n# escape=`\nFROM debian:12\n',
      errors: [{ line: 1, text: '# seaworthy-ignore-file' }],
      output: null,
    },
    {
      name: 'an all-rules comment above a clean instruction',
      code: 'FROM debian:12\n# seaworthy-ignore -- temporary\nUSER 1000\n',
      errors: [{ line: 2, text: '# seaworthy-ignore -- temporary', message: /suppresses nothing: there is no finding on the next instruction \(line 3\)/ }],
      output: 'FROM debian:12\nUSER 1000\n',
    },
    {
      name: 'a file-wide comment that suppresses nothing',
      code: '# seaworthy-ignore-file\nFROM debian:12\n',
      errors: [{ line: 1, text: '# seaworthy-ignore-file', message: /no finding in this file/ }],
      output: 'FROM debian:12\n',
    },
    {
      name: 'a misspelt rule id, with a suggestion',
      code: 'FROM debian:12\n# seaworthy-ignore imge-untagged\nUSER 1000\n',
      errors: [{ line: 2, text: '# seaworthy-ignore imge-untagged', message: /"imge-untagged" is not a Seaworthy rule id or alias \(did you mean "image-untagged"\?\)/ }],
      output: 'FROM debian:12\nUSER 1000\n',
    },
    {
      name: 'one unknown id in a list: only it is removed',
      code: 'FROM debian:12\n# seaworthy-ignore image-untagged, nonsense\nUSER 1000\n',
      errors: [{ line: 2, text: 'nonsense', message: /"nonsense" is not a Seaworthy rule id or alias/ }],
      output: 'FROM debian:12\n# seaworthy-ignore image-untagged\nUSER 1000\n',
    },
    {
      name: 'a next-instruction comment with no instruction after it',
      code: 'FROM debian:12\n# hadolint ignore=DL3008\n',
      errors: [{ line: 2, text: '# hadolint ignore=DL3008', message: /no effect: no instruction follows it/ }],
      // hadolint reads the same comment: the removal is a quick fix, not applied by fix-all.
      output: null,
    },
  ],
});
