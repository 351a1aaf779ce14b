import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/apk-unpinned-package';

ruleTests(rule, {
  valid: [
    'RUN apk add flex=2.6.4-r1\n',
    'RUN apk add --no-cache git~2.52.0 git~=2.52 git=~2.52\n',
    'RUN apk add --no-cache \\\n  "flex>=2.6.1-r1" \\\n  "libffi~3.2.1" \\\n  "python3<3.6.12-r2"\n',
    'RUN apk add \\\n--virtual build-dependencies \\\npython-dev=1.1.1 build-base=2.2.2 \\\n&& apk del build-dependencies\n',
    'RUN apk add --no-cache -X https://dl-cdn.alpinelinux.org/alpine/edge/testing flow=0.78.0-r0\n',
    'RUN apk add --no-cache --repository=https://dl-cdn.alpinelinux.org/alpine/edge/testing flow=0.78.0-r0\n',
    'RUN apk add -t .build-deps gcc=13.2.1-r0\n',
    'RUN apk add mypackage-1.1.1.apk\n',
    // -U is a switch, not an option taking the next word
    'RUN apk add -U curl=7.77.0-r0\n',
    'ARG V=8.12.1-r0\nFROM alpine:3.20\nARG V\nRUN apk add --no-cache curl=${V}\n',
    'FROM alpine:3.20\nRUN apk del curl && apk upgrade\n',
  ],
  invalid: [
    { code: 'RUN apk add flex\n', errors: [{ line: 1, text: 'flex' }], output: null },
    { code: 'ONBUILD RUN apk add flex\n', errors: [{ line: 1, text: 'flex' }] },
    { name: 'one missed among pinned ones', code: 'RUN apk add --no-cache \\\nflex=2.6.4-r1 \\\nlibffi \\\npython2=2.7.13-r1\n', errors: [{ line: 3, text: 'libffi' }] },
    { name: 'continuation with a comment inside', code: 'FROM alpine:3.20\nRUN apk add --no-cache \\\n    # tools\n    curl \\\n    git=2.45.2-r0\n', errors: [{ line: 4, text: 'curl' }] },
    { name: 'sh -c', code: 'FROM alpine:3.20\nRUN sh -c "apk add --no-cache curl"\n', errors: [{ line: 2, text: 'curl' }] },
    { name: 'heredoc', code: 'FROM alpine:3.20\nRUN <<EOF\napk add --no-cache curl\nEOF\n', errors: [{ line: 3, text: 'curl' }] },
  ],
});
