import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/pipefail-missing';

const PIPE = 'RUN wget -O - https://some.site | wc -l file > /number\n';

ruleTests(rule, {
  valid: [
    'FROM scratch as build\nRUN wget -O - https://some.site && wc -l file > /number\n',
    'FROM scratch as build\nSHELL ["/bin/bash", "-eo", "pipefail", "-c"]\n' + PIPE,
    'FROM scratch as build\nSHELL ["/bin/bash", "-e", "-o", "pipefail", "-c"]\n' + PIPE,
    'FROM scratch as build\nSHELL ["/bin/bash", "-o", "errexit", "-o", "pipefail", "-c"]\n' + PIPE,
    'FROM scratch as build\nSHELL ["/bin/zsh", "-o", "pipefail", "-c"]\n' + PIPE,
    'FROM scratch as build\nSHELL ["/usr/local/bin/zsh", "-o", "pipefail", "-c"]\n' + PIPE,
    'FROM scratch as build\nSHELL ["pwsh", "-c"]\nRUN Get-Variable PSVersionTable | Select-Object -ExpandProperty Value\n',
    'FROM mcr.microsoft.com/powershell:ubuntu-16.04\nSHELL [ "powershell.exe" ]\nRUN Get-Variable PSVersionTable | Select-Object -ExpandProperty Value\n',
    'FROM mcr.microsoft.com/powershell:ubuntu-16.04\nSHELL [ "cmd.exe", "/c" ]\nRUN a | b\n',
    { name: 'hadolint shell pragma', code: '# hadolint shell=powershell\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN a | b\n' },
    { name: 'the script sets pipefail itself (hadolint reports it)', code: 'FROM debian:12\nRUN set -euo pipefail; curl -fsSL x | tar -xz\n' },
    { name: 'pipe inside sh -c (hadolint reports it)', code: 'FROM debian:12\nRUN sh -c "a | b"\n' },
  ],
  invalid: [
    { code: 'FROM scratch\n' + PIPE, errors: [{ line: 2, text: '|', message: /`wget`/ }], output: null },
    { name: '/bin/sh -o pipefail does not count', code: 'FROM scratch as build\nSHELL ["/bin/sh", "-o", "pipefail", "-c"]\n' + PIPE, errors: [{ line: 3, text: '|' }], output: null },
    { code: 'FROM scratch as build\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\n' + PIPE + 'FROM scratch as build2\n' + PIPE, errors: [{ line: 5 }] },
    { code: 'FROM scratch as build\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\n' + PIPE + 'SHELL ["/bin/sh", "-c"]\n' + PIPE, errors: [{ line: 5 }], output: null },
    {
      code: 'FROM alpine:3.6\n# The following comment makes hadolint still complain about DL4006\n# \\\n# should solve DL4006\nSHELL ["/bin/sh", "-o", "pipefail", "-c"]\n# RUN with pipe. causes DL4006, but should be fixed by above SHELL\nRUN echo "kaka" | sed \'s/a/o/g\' >> /root/afile\n',
      errors: [{ line: 7, text: '|' }],
    },
    {
      name: 'fix: SHELL with bash, above the comments attached to the RUN',
      code: 'FROM debian:12-slim\n# fetch the tool\nRUN curl -fsSL https://x/t.tgz | tar -xz\n',
      errors: [{ line: 3, text: '|' }],
      output: 'FROM debian:12-slim\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\n# fetch the tool\nRUN curl -fsSL https://x/t.tgz | tar -xz\n',
    },
    {
      name: 'fix: ash on Alpine',
      code: 'FROM node:22-alpine\nRUN wget -qO- https://x/t.tgz | tar -xz\n',
      errors: [{ line: 2, text: '|' }],
      output: 'FROM node:22-alpine\nSHELL ["/bin/ash", "-o", "pipefail", "-c"]\nRUN wget -qO- https://x/t.tgz | tar -xz\n',
    },
    {
      name: 'fix follows the stage this one builds on',
      code: 'FROM alpine:3.20 AS base\nFROM base\nRUN a | b\n',
      errors: [{ line: 3, text: '|' }],
      output: 'FROM alpine:3.20 AS base\nFROM base\nSHELL ["/bin/ash", "-o", "pipefail", "-c"]\nRUN a | b\n',
    },
    { name: 'distroless: no fix', code: 'FROM gcr.io/distroless/base-debian12\nRUN a | b\n', errors: [{ line: 2 }], output: null },
  ],
});
