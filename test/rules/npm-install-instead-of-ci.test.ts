import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf } from '../helpers/findings';
import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/npm-install-instead-of-ci';

const lock = { 'package.json': '{}', 'package-lock.json': '{}' };

ruleTests(rule, {
  valid: [
    // no lockfile in the image
    'FROM node:22-slim\nCOPY package.json ./\nRUN npm install\n',
    { code: 'FROM node:22-slim\nCOPY . .\nRUN npm install\n', files: { 'package.json': '{}' } },
    'FROM node:22-slim\nCOPY package*.json ./\nRUN npm ci\n',
    // installing named packages, globally, or without a lockfile
    'FROM node:22-slim\nCOPY package*.json ./\nRUN npm install express@4.21.2\n',
    'FROM node:22-slim\nCOPY package*.json ./\nRUN npm install -g .\n',
    'FROM node:22-slim\nCOPY package*.json ./\nRUN npm install --no-package-lock\n',
    'FROM node:22-slim\nCOPY package*.json ./\nRUN npm install --package-lock=false\n',
    // the lockfile went into another stage
    'FROM node:22 AS build\nCOPY package-lock.json ./\nFROM node:22-slim\nRUN npm install\n',
    'FROM node:22-slim\nONBUILD COPY package-lock.json ./\nRUN npm install\n',
  ],
  invalid: [
    {
      code: 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm install\n',
      errors: [{ line: 4, text: 'npm install' }],
      output: 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\n',
    },
    { name: 'a pattern matching the lockfile', code: 'FROM node:22-slim\nCOPY package*.json ./\nRUN npm i --omit=dev\n', errors: [{ line: 3, text: 'npm i' }], output: 'FROM node:22-slim\nCOPY package*.json ./\nRUN npm ci --omit=dev\n' },
    { name: 'the build context holds one', code: 'FROM node:22-slim\nCOPY . .\nRUN npm install\n', files: lock, errors: [{ line: 3 }] },
    { name: 'a directory holding one', code: 'FROM node:22-slim\nCOPY app/ /app/\nRUN cd /app && npm install\n', files: { 'app/package-lock.json': '{}' }, errors: [{ line: 3, text: 'npm install' }] },
    { name: 'npm-shrinkwrap.json, copied from another stage', code: 'FROM node:22 AS deps\nFROM node:22-slim\nCOPY --from=deps /src/npm-shrinkwrap.json ./\nRUN npm install\n', errors: [{ line: 4 }] },
    { name: 'inherited from the stage it is built FROM', code: 'FROM node:22-slim AS base\nCOPY package*.json ./\nFROM base\nRUN npm install\n', errors: [{ line: 4 }] },
    {
      name: 'continuation lines with a comment inside',
      code: 'FROM node:22-slim\nCOPY package*.json ./\nRUN npm install \\\n    # app deps\n    --no-audit\n',
      errors: [{ line: 3, text: 'npm install' }],
      output: 'FROM node:22-slim\nCOPY package*.json ./\nRUN npm ci \\\n    # app deps\n    --no-audit\n',
    },
    { name: 'sh -c', code: "FROM node:22-slim\nCOPY package*.json ./\nRUN sh -c 'npm install'\n", errors: [{ line: 3 }], output: "FROM node:22-slim\nCOPY package*.json ./\nRUN sh -c 'npm ci'\n" },
    { name: 'heredoc', code: 'FROM node:22-slim\nCOPY package*.json ./\nRUN <<EOF\nnpm install\nEOF\n', errors: [{ line: 4 }], output: 'FROM node:22-slim\nCOPY package*.json ./\nRUN <<EOF\nnpm ci\nEOF\n' },
  ],
});

test('npm-install-instead-of-ci: the fix is unsafe (npm ci fails on an outdated lockfile)', () => {
  const [f] = findingsOf(rule, 'FROM node:22-slim\nCOPY package-lock.json ./\nRUN npm install\n');
  assert.equal(f.fix?.safe, false);
});
