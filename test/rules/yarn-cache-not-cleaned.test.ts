import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/yarn-cache-not-cleaned';

ruleTests(rule, {
  valid: [
    'RUN foo\n',
    'RUN yarn install bar && yarn cache clean\n',
    'RUN --mount=type=cache,target=/root/.cache/yarn yarn install foobar\n',
    'RUN --mount=type=tmpfs,target=/root/.cache/yarn yarn install foobar\n',
    'RUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install --frozen-lockfile\n',
    'ENV YARN_CACHE_FOLDER=/yarn\nRUN --mount=type=cache,target=/yarn yarn install\n',
    'FROM node:lts-alpine AS foo\nRUN yarn install && yarn cache clean\nFROM foo\nRUN hey!\n',
    'FROM node:lts-alpine AS foo\nRUN yarn install foo\nFROM scratch\nRUN hey!\n',
    'RUN yarn build && yarn --version\n',
    'RUN <<EOF\nset -e\nyarn install\nyarn cache clean\nEOF\n',
  ],
  invalid: [
    { code: 'RUN yarn install foo\n', errors: [{ line: 1, text: 'yarn install' }], output: 'RUN yarn install foo && yarn cache clean\n' },
    { code: 'RUN yarn cache clean && yarn install foo\n', errors: [{ line: 1, text: 'yarn install' }] },
    { code: 'RUN --mount=type=cache,target=/var/lib/foobar yarn install foobar\n', errors: [{ line: 1 }] },
    { code: 'FROM node:lts-alpine AS foo\nRUN hey!\nFROM scratch\nRUN yarn install\n', errors: [{ line: 4 }] },
    { code: 'FROM node:lts-alpine AS foo\nRUN yarn install\nFROM foo\nRUN hey!\n', errors: [{ line: 2 }] },
    { code: 'FROM node:lts-alpine AS foo\nONBUILD RUN yarn install foo\nFROM scratch\nONBUILD RUN hey!\n', errors: [{ line: 2 }] },
    { name: 'bare yarn and yarn global add', code: 'RUN yarn && yarn global add serve@14.2.4\n', errors: [{ line: 1, text: 'yarn global add' }], output: 'RUN yarn && yarn global add serve@14.2.4 && yarn cache clean\n' },
    {
      name: 'continuation lines with a comment inside',
      code: 'FROM node:22-slim\nRUN yarn install --frozen-lockfile \\\n    # then build\n    && yarn build\n',
      errors: [{ line: 2, text: 'yarn install' }],
      output: 'FROM node:22-slim\nRUN yarn install --frozen-lockfile \\\n    # then build\n    && yarn build \\\n    && yarn cache clean\n',
    },
    { name: 'sh -c', code: 'FROM node:22-slim\nRUN sh -c "yarn install"\n', errors: [{ line: 2 }], output: 'FROM node:22-slim\nRUN sh -c "yarn install" && yarn cache clean\n' },
    { name: 'heredoc', code: 'FROM node:22-slim\nRUN <<EOF\nyarn install\nEOF\n', errors: [{ line: 3 }], output: 'FROM node:22-slim\nRUN <<EOF\nyarn install && yarn cache clean\nEOF\n' },
  ],
});
