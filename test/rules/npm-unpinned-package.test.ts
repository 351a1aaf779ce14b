import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf } from '../helpers/findings';
import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/npm-unpinned-package';

ruleTests(rule, {
  valid: [
    'RUN npm install\n',
    'RUN npm install --progress=false\n',
    'RUN npm install express@4.1.1\n',
    'RUN npm install @myorg/privatepackage@">=0.1.0"\n',
    'RUN npm install express@"4.1.1" sax@0.1.1\n',
    'RUN npm install --global express@"4.1.1"\n',
    'RUN npm install -g express@"4.1.1"\n',
    'RUN npm install package-v1.2.3.tar package-v1.2.3.tar.gz package-v1.2.3.tgz\n',
    'RUN npm install /folder ./folder ../folder ~/folder\n',
    'RUN npm install git+ssh://git@github.com:npm/npm.git#v1.0.27\n',
    'RUN npm install git+http://isaacs@github.com/npm/npm#semver:^5.0\n',
    'RUN npm install git://github.com/npm/npm.git#v1.0.27\n',
    'RUN npm run --crazy install\n',
    'RUN npm install @myorg/privatepackage@">=0.1.0 <0.2.0"\n',
    'RUN npm install --loglevel verbose sax@0.1.1\n',
    'RUN npm install --registry https://example.com sax@0.1.1\n',
    'RUN npm ci\n',
    'RUN <<EOF\nnpm install -g typescript@5.7.3\nEOF\n',
  ],
  invalid: [
    { code: 'RUN npm install express\n', errors: [{ line: 1, text: 'express' }], output: null },
    { code: 'ONBUILD RUN npm install @myorg/privatepackage\n', errors: [{ line: 1, text: '@myorg/privatepackage', message: /@myorg\/privatepackage@<version>/ }] },
    { code: 'RUN npm install express sax@0.1.1\n', errors: [{ line: 1, text: 'express' }] },
    { code: 'RUN npm install --global express\n', errors: [{ line: 1, text: 'express' }] },
    { code: 'RUN npm install git+ssh://git@github.com:npm/npm.git\n', errors: [{ line: 1 }] },
    { code: 'RUN npm install git+https://isaacs@github.com/npm/npm.git\n', errors: [{ line: 1 }] },
    { code: 'RUN npm install --registry https://example.com express\n', errors: [{ line: 1, text: 'express' }] },
    { code: 'RUN npm install --registry=https://example.com express\n', errors: [{ line: 1, text: 'express' }] },
    { name: 'npm i and @latest', code: 'RUN npm i -g pnpm@latest\n', errors: [{ line: 1, text: 'pnpm@latest', message: /moving tag/ }] },
    { name: 'continuation lines with a comment inside', code: 'FROM node:22-slim\nRUN npm install -g \\\n    # tools\n    typescript \\\n    tsx@4.19.2\n', errors: [{ line: 4, text: 'typescript' }] },
    { name: 'sh -c', code: "FROM node:22-slim\nRUN sh -c 'npm install -g typescript'\n", errors: [{ line: 2, text: 'typescript' }] },
    { name: 'heredoc', code: 'FROM node:22-slim\nRUN <<EOF\nnpm install -g typescript\nEOF\n', errors: [{ line: 3, text: 'typescript' }] },
  ],
});

test('npm-unpinned-package: @latest is reported without the hadolint id (hadolint accepts any @tag)', () => {
  assert.deepEqual(findingsOf(rule, 'RUN npm install express@latest\n').map((f) => f.aliases), [[]]);
  assert.deepEqual(findingsOf(rule, 'RUN npm install express\n').map((f) => f.aliases), [['DL3016']]);
});
