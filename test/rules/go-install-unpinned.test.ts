import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf } from '../helpers/findings';
import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/go-install-unpinned';

ruleTests(rule, {
  valid: [
    'RUN go install example.com/pkg@v1.2.3\n',
    'RUN go install /go/app/foobar ./app/foobar .\n',
    'RUN go get example.com/pkg@v1.2.3\n',
    'RUN go get -tool foobar@v1.2.3\n',
    'RUN go run example.com/pkg@v1.2.3 -f -foobar --foobar foobar --foo bar\n',
    'RUN go run /go/app/foobar\n',
    'RUN go run ./app/foobar\n',
    'RUN go run .\n',
    'RUN go run main.go\n',
    'RUN go build -o /out/app ./cmd/app && go mod download\n',
    'RUN CGO_ENABLED=0 go install -ldflags "-s -w" -tags netgo example.com/cmd/x@v0.3.0\n',
    'RUN go get example.com/old@none\n',
    'RUN <<EOF\ngo install golang.org/x/tools/gopls@v0.17.1\nEOF\n',
  ],
  invalid: [
    { code: 'RUN go install example.com/pkg\n', errors: [{ line: 1, text: 'example.com/pkg' }], output: null },
    { code: 'ONBUILD RUN go install example.com/pkg@latest\n', errors: [{ line: 1, text: 'example.com/pkg@latest' }] },
    { code: 'RUN go get example.com/pkg\n', errors: [{ line: 1 }] },
    { code: 'RUN go get -tool foobar@latest\n', errors: [{ line: 1, text: 'foobar@latest' }] },
    { code: 'RUN go run example.com/pkg@latest arg\n', errors: [{ line: 1, text: 'example.com/pkg@latest' }] },
    { name: 'a value flag before the package', code: 'RUN go install -ldflags "-s -w" example.com/cmd/x\n', errors: [{ line: 1, text: 'example.com/cmd/x' }] },
    { name: 'a branch as version', code: 'RUN go install example.com/cmd/x@main\n', errors: [{ line: 1, message: /@main/ }] },
    { name: 'continuation lines with a comment inside', code: 'FROM golang:1.24\nRUN go install \\\n    # language server\n    golang.org/x/tools/gopls@latest\n', errors: [{ line: 4, text: 'golang.org/x/tools/gopls@latest' }] },
    { name: 'sh -c', code: "FROM golang:1.24\nRUN sh -c 'go install golang.org/x/tools/gopls'\n", errors: [{ line: 2, text: 'golang.org/x/tools/gopls' }] },
    { name: 'heredoc', code: 'FROM golang:1.24\nRUN <<EOF\ngo install golang.org/x/tools/gopls@latest\nEOF\n', errors: [{ line: 3 }] },
  ],
});

test('go-install-unpinned: branch versions are reported without the hadolint id', () => {
  assert.deepEqual(findingsOf(rule, 'RUN go install example.com/x@main example.com/y@latest example.com/z\n').map((f) => f.aliases), [[], ['DL3062'], ['DL3062']]);
});
