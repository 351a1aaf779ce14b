import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf } from '../helpers/findings';
import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/npm-dev-dependencies-in-final-stage';

const build = 'FROM node:22 AS build\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\n\n';
const cmd = 'CMD ["node", "dist/server.js"]\n';

ruleTests(rule, {
  valid: [
    // single-stage builds are out of scope
    'FROM node:22-slim\nCOPY package*.json ./\nRUN npm ci\nCMD ["node", "server.js"]\n',
    // the build stage is where dev dependencies belong
    build + 'FROM node:22-slim\nCOPY --from=build /app/dist ./dist\n' + cmd,
    build + 'FROM node:22-slim\nRUN npm ci --omit=dev\n' + cmd,
    build + 'FROM node:22-slim\nRUN npm ci --omit dev --omit optional\n' + cmd,
    build + 'FROM node:22-slim\nRUN npm ci --production\n' + cmd,
    build + 'FROM node:22-slim\nRUN npm install --only=production\n' + cmd,
    build + 'FROM node:22-slim\nENV NODE_ENV=production\nRUN npm ci\n' + cmd,
    build + 'FROM node:22-slim\nRUN NODE_ENV=production npm ci\n' + cmd,
    build + 'FROM node:22-slim\nRUN NPM_CONFIG_OMIT=dev npm ci\n' + cmd,
    build + 'FROM node:22-slim\nRUN npm ci --include=dev\n' + cmd,
    // the final stage builds or prunes afterwards
    build + 'FROM node:22-slim\nRUN npm ci && npm run build && npm prune --omit=dev\n' + cmd,
    build + 'FROM node:22-slim\nRUN npm ci\nRUN npx tsc -p .\n' + cmd,
    // not an app image
    build + 'FROM node:22-slim\nRUN npm ci\n',
    // installing named packages, globally
    build + 'FROM node:22-slim\nRUN npm install -g pm2@5.4.3\n' + cmd,
  ],
  invalid: [
    {
      code: build + 'FROM node:22-slim\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY --from=build /app/dist ./dist\n' + cmd,
      errors: [{ line: 9, text: 'npm ci' }],
      output: build + 'FROM node:22-slim\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --omit=dev\nCOPY --from=build /app/dist ./dist\n' + cmd,
    },
    { name: 'npm install without package names', code: build + 'FROM node:22-slim\nRUN npm install\nENTRYPOINT ["node", "server.js"]\n', errors: [{ line: 7, text: 'npm install' }] },
    { name: 'NODE_ENV from a stage not built on', code: 'FROM node:22 AS build\nENV NODE_ENV=production\nFROM node:22-slim\nRUN npm ci\n' + cmd, errors: [{ line: 4 }] },
    {
      name: 'continuation lines with a comment inside',
      code: build + 'FROM node:22-slim\nRUN npm ci \\\n    # no audit in CI\n    --no-audit\n' + cmd,
      errors: [{ line: 7, text: 'npm ci' }],
      output: build + 'FROM node:22-slim\nRUN npm ci --omit=dev \\\n    # no audit in CI\n    --no-audit\n' + cmd,
    },
    { name: 'sh -c', code: build + "FROM node:22-slim\nRUN sh -c 'npm ci'\n" + cmd, errors: [{ line: 7 }], output: build + "FROM node:22-slim\nRUN sh -c 'npm ci --omit=dev'\n" + cmd },
    { name: 'heredoc', code: build + 'FROM node:22-slim\nRUN <<EOF\nnpm ci\nEOF\n' + cmd, errors: [{ line: 8 }], output: build + 'FROM node:22-slim\nRUN <<EOF\nnpm ci --omit=dev\nEOF\n' + cmd },
  ],
});

test('npm-dev-dependencies-in-final-stage: the fix is unsafe', () => {
  const [f] = findingsOf(rule, build + 'FROM node:22-slim\nRUN npm ci\n' + cmd);
  assert.equal(f.fix?.safe, false);
});
