import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/empty-continuation-line';

ruleTests(rule, {
  valid: [
    'FROM scratch\nCOPY Dockerfile \\\n.\n',
    'FROM alpine\nEXPOSE \\\n# Port\n80\n',
    // Blank lines in a heredoc body are content.
    'FROM alpine\nRUN <<EOF\necho a\n\necho b\nEOF\n',
  ],
  invalid: [
    {
      name: 'BuildKit NoEmptyContinuation-1: reported on the last line',
      code: '\nFROM scratch\nCOPY Dockerfile \\\n\n.\nCOPY Dockerfile \\\n.\n',
      errors: [{ line: 5, text: '.', message: /line 4/ }],
      output: '\nFROM scratch\nCOPY Dockerfile \\\n.\nCOPY Dockerfile \\\n.\n',
    },
    {
      name: 'whitespace-only lines count, comments stay',
      code: 'FROM alpine\nRUN apk add \\\n  \n    # tools\n    curl \\\n\n    git\n',
      errors: [{ line: 7, text: 'git', message: /lines \(line 3, 6\)/ }],
      output: 'FROM alpine\nRUN apk add \\\n    # tools\n    curl \\\n    git\n',
    },
  ],
});
