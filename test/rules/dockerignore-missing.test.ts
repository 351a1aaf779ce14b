import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../server/src/core/engine';
import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/dockerignore-missing';

ruleTests(rule, {
  valid: [
    { code: 'FROM a\nCOPY app/ /app/\n' },
    { code: 'FROM a\nCOPY . .\n', files: { '.dockerignore': '.git\n.env\n**/*.pem\n**/id_rsa*\n' } },
    { name: 'a short ignore file is enough when nothing else is in the workspace', code: 'FROM node:22\nCOPY . .\nRUN npm ci\n', files: { '.dockerignore': '.git\n.env*\n', 'package.json': '{}' } },
    { name: 'a line that would exclude a file the Dockerfile copies by name is not proposed', code: 'FROM a\nCOPY certs/ca.pem /etc/ssl/\nCOPY . .\n', files: { '.dockerignore': '.git\n.env\n**/id_rsa*\n' } },
    { code: 'FROM a AS b\nFROM c\nCOPY --from=b . .\n' },
  ],
  invalid: [
    {
      name: 'missing file: created',
      code: 'FROM node:22-slim\nCOPY . .\nRUN npm ci\n',
      files: { 'package.json': '{}' },
      errors: [{ line: 2, text: '.', message: /no \.dockerignore/ }],
      fileOutput: { '.dockerignore': '.git\n.env\n**/*.pem\n**/id_rsa*\n.npmrc\nnode_modules\n' },
    },
    {
      name: 'thin file: lines for what is really in the workspace appended',
      code: 'FROM python:3.12-slim\nCOPY . /app\n',
      files: { '.dockerignore': '.git', 'requirements.txt': 'flask\n', '.venv/bin/python': '', '__pycache__/a.pyc': '', id_rsa: 'x' },
      errors: [{ line: 2, text: '.', message: /does not exclude/ }],
      fileOutput: { '.dockerignore': '\n.env\n**/id_rsa*\n**/__pycache__\n.venv\n' },
    },
    {
      name: 'node_modules only when the image installs its own',
      code: 'FROM node:22-slim\nCOPY . .\n',
      files: { '.dockerignore': '.git\n.env\n', 'package.json': '{}', '.npmrc': 'x', 'node_modules/a/index.js': '' },
      errors: [{ line: 2, message: /npm registry tokens/ }],
      fileOutput: { '.dockerignore': '.npmrc\n' },
    },
    {
      name: 'folders the image rebuilds, found from RUN commands in any stage (composer, npm run build, cargo)',
      code: 'FROM composer:2 AS php\nRUN apt-get update && composer install --no-dev\nFROM node:22 AS web\nRUN echo hi && npm run build\nFROM rust:1.83\nRUN cargo build --release\nCOPY . .\n',
      files: { '.dockerignore': '.git\n.env\n', 'composer.json': '{}', 'package.json': '{}', dist: '', 'Cargo.toml': '', target: '' },
      errors: [{ line: 7, text: '.', message: /vendor \(installed in the image\), build output, build output \(rebuilt in the image\)/ }],
      fileOutput: { '.dockerignore': 'vendor\ntarget\ndist\n' },
    },
    {
      name: 'no dependency folder when no RUN installs one (commands of other tools, or a tool name inside another word)',
      code: 'FROM node:22\nRUN npmx install && echo npm ci && yarnpkg\nCOPY . .\n',
      files: { '.dockerignore': '.git\n.env\n', 'package.json': '{}', '.npmrc': 'x', 'node_modules/a.js': '' },
      errors: [{ line: 3, message: /npm registry tokens: add ".npmrc"\./ }],
      fileOutput: { '.dockerignore': '.npmrc\n' },
    },
  ],
});

test('an untitled buffer has no folder to look at: not reported', () => {
  assert.deepEqual(lint({ text: 'FROM a\nCOPY . .\n', kind: 'dockerfile', rules: [rule] }).findings, []);
});
