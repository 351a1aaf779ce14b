import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/label-required';

const settings = { labelSchema: { foo: 'text' } };
const one = { line: 1, text: 'FROM' };

ruleTests(rule, {
  valid: [
    { name: 'no schema, no check', code: 'FROM baseimage\n' },
    { code: 'FROM baseimage\nLABEL foo="bar"\n', settings },
    { name: 'label in a stage built on this one', code: 'FROM baseimage as base\nFROM base\nLABEL foo="bar"\n', settings },
    { name: 'stage only copied from', code: 'FROM baseimage as base\nFROM anotherimage\nLABEL foo="bar"\nCOPY --from=base /bar /baz\n', settings },
    { name: 'inherited', code: 'FROM baseimage as base\nLABEL foo="bar"\nFROM base\n', settings },
    { name: 'inherited through a chain', code: 'FROM baseimage as a\nLABEL foo="bar"\nFROM a as b\nFROM b as c\nFROM c\n', settings },
    { name: 'labelled two stages down', code: 'FROM baseimage as a\nFROM a as b\nFROM b\nLABEL foo="bar"\n', settings },
  ],
  invalid: [
    { code: 'FROM baseimage\n', settings, errors: [{ ...one, message: /"foo" is missing/ }], output: null },
    { code: 'FROM baseimage\nLABEL bar="baz"\n', settings, errors: [one] },
    { code: 'FROM stage1\nFROM stage2\n', settings, errors: [one, { line: 2, text: 'FROM' }] },
    { code: 'FROM baseimage\nLABEL foo="bar"\nFROM newimage\n', settings, errors: [{ line: 3, text: 'FROM' }] },
    { name: 'parent and child both lack it', code: 'FROM baseimage as base\nFROM base\n', settings, errors: [one, { line: 2, text: 'FROM' }] },
    { name: 'unconnected stage', code: 'FROM baseimage as base\nFROM anotherimage\nLABEL foo="bar"\n', settings, errors: [one] },
    { code: 'FROM baseimage as base\nFROM newimage\nLABEL foo="bar"\nCOPY --from=base /bar /baz\n\nFROM newimage\nCOPY --from=base /bar /baz\n', settings, errors: [{ line: 6, text: 'FROM' }] },
    { code: 'FROM baseimage as base\nFROM base\nLABEL foo="bar"\n\nFROM base\n', settings, errors: [{ line: 5, text: 'FROM' }] },
    { code: 'FROM baseimage as base\nFROM base\n\nFROM base\nLABEL foo="bar"\n', settings, errors: [{ line: 2, text: 'FROM' }] },
    { name: 'one finding per missing label', code: 'FROM a:1\n', settings: { labelSchema: { a: 'text', b: 'url' } }, errors: [one, one] },
  ],
});
