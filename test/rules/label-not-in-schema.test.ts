import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/label-not-in-schema';

const settings = { labelSchema: { required: 'text' }, strictLabels: true };

ruleTests(rule, {
  valid: [
    { code: '\n', settings },
    { code: 'LABEL required="foo"\n', settings },
    { name: 'strict labels off', code: 'LABEL other="bar"\n', settings: { labelSchema: { required: 'text' } } },
  ],
  invalid: [
    { code: 'LABEL other="bar"\n', settings, errors: [{ line: 1, text: 'other', message: /not in the label schema \(required\)/ }], output: null },
    { code: 'LABEL required="foo" other="bar"\n', settings, errors: [{ line: 1, text: 'other' }] },
    { name: 'per key, where hadolint reports the instruction once', code: 'LABEL a="1" b="2"\n', settings, errors: [{ line: 1, text: 'a' }, { line: 1, text: 'b' }] },
  ],
});
