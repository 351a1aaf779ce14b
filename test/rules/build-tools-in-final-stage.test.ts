import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/build-tools-in-final-stage';

ruleTests(rule, {
  valid: [
    'FROM golang:1.22 AS build\nRUN go build -o /app\nFROM gcr.io/distroless/static\nCOPY --from=build /app /app\n',
    'FROM alpine\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev && pip install x && apk del .build-deps\n',
    'FROM debian\nRUN apt-get install -y gcc && make && apt-get purge -y gcc\n',
    'FROM debian\nRUN apt-get install -y curl libpq5\n',
    'FROM debian\nRUN savedAptMark="$(apt-mark showmanual)" && apt-get install -y gcc dpkg-dev && make && apt-mark auto \'.*\' > /dev/null && apt-mark manual $savedAptMark && apt-get purge -y --auto-remove\n',
  ],
  invalid: [
    {
      code: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev\n',
      errors: [{ line: 2, text: 'gcc', message: /gcc, libpq-dev end up/ }],
      output: null,
    },
    { code: 'FROM node:22\nCOPY . .\nRUN npm ci && npm run build\nCMD ["node", "dist/server.js"]\n', errors: [{ line: 3, text: 'npm', message: /npm run build/ }] },
    { name: 'a stage the final stage is built FROM ships too', code: 'FROM alpine AS base\nRUN apk add build-base\nFROM base\nCMD ["x"]\n', errors: [{ line: 2, text: 'build-base' }] },
  ],
});

ruleTests(rule, {
  valid: [],
  invalid: [
    {
      name: 'fix: a single-stage Go image becomes build + distroless, runtime lines and their comments move',
      code: 'FROM golang:1.23\nWORKDIR /src\nCOPY . .\nRUN go build -trimpath -o /app .\n# the API port\nEXPOSE 8080\nCMD ["/app"]\n',
      errors: [{ line: 4, text: 'go' }],
      output: 'FROM golang:1.23 AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -trimpath -o /app .\n\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /app /app\n# the API port\nEXPOSE 8080\nCMD ["/app"]\n',
    },
    {
      name: 'fix keeps a stage name and an ENV CGO_ENABLED',
      code: 'FROM golang:1.23 AS builder\nENV CGO_ENABLED=0\nRUN go build -o=/bin/svc ./cmd/svc\nENTRYPOINT ["/bin/svc"]',
      errors: [{ line: 3 }],
      output: 'FROM golang:1.23 AS builder\nENV CGO_ENABLED=0\nRUN go build -o=/bin/svc ./cmd/svc\n\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=builder /bin/svc /bin/svc\nENTRYPOINT ["/bin/svc"]\n',
    },
    { name: 'no fix without an absolute -o', code: 'FROM golang:1.23\nRUN go build .\nCMD ["./app"]\n', errors: [{ line: 2 }], output: null },
    { name: 'no fix when not a golang image', code: 'FROM debian:12\nRUN go build -o /app .\n', errors: [{ line: 2 }], output: null },
  ],
});
