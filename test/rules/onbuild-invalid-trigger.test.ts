import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/onbuild-invalid-trigger';

ruleTests(rule, {
  valid: [
    'ONBUILD ADD anything anywhere\n', 'ONBUILD USER anything\n', 'ONBUILD RUN anything\n', 'ONBUILD HEALTHCHECK NONE\n',
    'FROM debian:buster\n', 'MAINTAINER "Some Guy"\n',
  ],
  invalid: [
    { code: 'ONBUILD ONBUILD RUN anything\n', errors: [{ line: 1, text: 'ONBUILD' }], output: null },
    { code: 'ONBUILD FROM debian:buster\n', errors: [{ line: 1, text: 'FROM' }] },
    { code: 'FROM a:1\nonbuild maintainer "BoJack Horseman"\n', errors: [{ line: 2, text: 'maintainer' }] },
  ],
});
