import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/healthcheck-missing';

// Switched on explicitly (hadolint users: `override: info: [DL3057]`): hadolint's semantics.
const on = { rules: { DL3057: 'info' as const } };
const strict = { profiles: ['recommended' as const, 'strict' as const] };

ruleTests(rule, {
  valid: [
    { name: 'default: no EXPOSE, no finding', code: 'FROM scratch\n' },
    { name: 'default: only the final stage', code: 'FROM nginx:1 AS a\nEXPOSE 80\nFROM debian:12\n' },
    { name: 'default: distroless has no probe tool', code: 'FROM gcr.io/distroless/static-debian12\nEXPOSE 8080\n' },
    { name: 'default: scratch', code: 'FROM scratch\nEXPOSE 8080\n' },
    { name: 'default: inherited HEALTHCHECK', code: 'FROM nginx:1 AS base\nHEALTHCHECK CMD ["true"]\nFROM base\nEXPOSE 80\n' },
    { code: 'FROM scratch\nHEALTHCHECK NONE\n', settings: on },
    { code: 'FROM scratch\nHEALTHCHECK CMD /bin/bla\n', settings: on },
    { code: 'FROM scratch AS base\nHEALTHCHECK CMD /bin/bla\nFROM base\n', settings: on },
    { code: 'FROM scratch AS base1\nFROM base1 AS base2\nFROM base2 AS base3\nFROM base3 AS end\nHEALTHCHECK NONE\n', settings: on },
    { name: 'explicit: a stage only copied from is a build helper', code: 'FROM golang:1 AS build\nFROM scratch\nCOPY --from=build /app /app\nHEALTHCHECK NONE\n', settings: on },
  ],
  invalid: [
    { name: 'default: final stage serves a port', code: 'FROM nginx:1.27\nEXPOSE 80\n', errors: [{ line: 1, text: 'FROM', message: /port 80/ }], output: null },
    { name: 'default: EXPOSE inherited from a stage', code: 'FROM node:22 AS base\nEXPOSE 3000\nFROM base\nCMD ["node", "app.js"]\n', errors: [{ line: 3, text: 'FROM' }] },
    { code: 'FROM scratch\n', settings: on, errors: [{ line: 1, text: 'FROM' }] },
    { code: 'FROM scratch\n', settings: strict, errors: [{ line: 1, text: 'FROM' }] },
    {
      code: 'FROM scratch AS base1\nFROM base1 AS base2\nFROM base2 AS base3.1\nFROM base2 AS base3.2\n\nFROM base3.1 AS end1\nHEALTHCHECK NONE\n\nFROM base3.2 AS end2\n',
      settings: on,
      errors: [{ line: 9, text: 'FROM' }],
    },
    { code: 'FROM scratch AS base\nHEALTHCHECK CMD /bin/bla\nFROM scratch\n', settings: on, errors: [{ line: 3, text: 'FROM' }] },
  ],
});
