import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/copy-all-before-install';

ruleTests(rule, {
  valid: [
    'FROM node:22-slim\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n',
    'FROM golang:1.22\nWORKDIR /src\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\nRUN go build -o /app\n',
    'FROM node:22-slim\nCOPY . .\nRUN npm install express\n',
    'FROM python:3.12\nCOPY . .\nRUN pip install .\n',
  ],
  invalid: [
    {
      name: 'npm: manifests from the workspace, install moved',
      code: 'FROM node:22-slim\nWORKDIR /app\n# sources\nCOPY . .\nRUN npm ci\nCMD ["node", "server.js"]\n',
      files: { 'package.json': '{}', 'package-lock.json': '{}' },
      errors: [{ line: 5, text: 'npm', message: /line 4/ }],
      output: 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\n# sources\nCOPY . .\nCMD ["node", "server.js"]\n',
    },
    {
      name: 'unknown workspace: package*.json; install first in an && chain; RUN flags kept',
      code: 'FROM node:22-slim\nCOPY . /app\nRUN --mount=type=cache,target=/root/.npm npm ci && npm run build\n',
      errors: [{ line: 3, text: 'npm' }],
      output: 'FROM node:22-slim\nCOPY package*.json /app/\nRUN --mount=type=cache,target=/root/.npm npm ci\nCOPY . /app\nRUN --mount=type=cache,target=/root/.npm npm run build\n',
    },
    {
      name: 'pip -r',
      code: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt\n',
      errors: [{ line: 4, text: 'pip' }],
      output: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt ./\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\n',
    },
    {
      name: 'go build: a download step is added',
      code: 'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /app ./cmd/app\n',
      files: { 'go.mod': 'module x\n' },
      errors: [{ line: 4, text: 'go', message: /fetched/ }],
      output: 'FROM golang:1.22\nWORKDIR /src\nCOPY go.mod ./\nRUN go mod download\nCOPY . .\nRUN go build -o /app ./cmd/app\n',
    },
    {
      name: 'an ENV in between: reported without a fix',
      code: 'FROM ruby:3.3\nCOPY . .\nENV BUNDLE_WITHOUT=dev\nRUN bundle install\n',
      errors: [{ line: 4, text: 'bundle' }],
      output: null,
    },
    { name: 'cargo: no fix', code: 'FROM rust:1\nCOPY . .\nRUN cargo build --release\n', errors: [{ line: 3, text: 'cargo' }], output: null },
    { name: 'poetry without --no-root: no fix', code: 'FROM python:3.12\nCOPY . .\nRUN poetry install\n', errors: [{ line: 3, text: 'poetry' }], output: null },
  ],
});
