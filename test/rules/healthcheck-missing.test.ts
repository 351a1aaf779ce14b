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

ruleTests(rule, {
  valid: [],
  invalid: [
    {
      name: 'fix: node images probe with node itself',
      code: 'FROM node:22-slim\nEXPOSE 3000\nCMD ["node", "server.js"]\n',
      errors: [{ line: 1, text: 'FROM' }],
      output: 'FROM node:22-slim\nEXPOSE 3000\nHEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 CMD ["node", "-e", "require(\'http\').get(\'http://127.0.0.1:3000/\', (r) => process.exit(r.statusCode < 500 ? 0 : 1)).on(\'error\', () => process.exit(1))"]\nCMD ["node", "server.js"]\n',
    },
    {
      name: 'fix: python images probe with urllib, appended when there is no CMD',
      code: 'FROM python:3.12-slim\nEXPOSE 8000/tcp',
      errors: [{ line: 1 }],
      output: 'FROM python:3.12-slim\nEXPOSE 8000/tcp\nHEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 CMD ["python", "-c", "import urllib.request; urllib.request.urlopen(\'http://127.0.0.1:8000/\', timeout=3)"]\n',
    },
    {
      name: 'fix: alpine has busybox wget',
      code: 'FROM alpine:3.20\nEXPOSE 80\nCMD ["httpd", "-f"]\n',
      errors: [{ line: 1 }],
      output: 'FROM alpine:3.20\nEXPOSE 80\nHEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 CMD ["wget", "-q", "--spider", "http://127.0.0.1:80/"]\nCMD ["httpd", "-f"]\n',
    },
    {
      name: 'fix: curl when a RUN installs it',
      code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nEXPOSE 8080\nCMD ["/app"]\n',
      errors: [{ line: 1 }],
      output: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nEXPOSE 8080\nHEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 CMD ["curl", "-fsS", "-o", "/dev/null", "http://127.0.0.1:8080/"]\nCMD ["/app"]\n',
    },
    { name: 'no fix without a known probe tool', code: 'FROM debian:12-slim\nEXPOSE 8080\nCMD ["/app"]\n', errors: [{ line: 1 }], output: null },
    { name: 'no fix for a port range or variable', code: 'FROM node:22-slim\nEXPOSE 3000-3005\n', errors: [{ line: 1 }], output: null },
  ],
});
