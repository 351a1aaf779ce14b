import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/chown-after-copy';

ruleTests(rule, {
  valid: [
    'FROM node\nCOPY --chown=node:node . /app\n',
    'FROM node\nCOPY . /app\nRUN chown node /app\n',
    'FROM node\nCOPY . /app\nRUN chown -R node /data\n',
    'FROM node\nCOPY --chown=node . /app\nRUN chown -R node /app\n',
  ],
  invalid: [
    {
      code: 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nRUN chown -R node:node /app\n',
      errors: [{ line: 4, text: 'chown', message: /COPY --chown=node:node/ }],
      output: 'FROM node:22-slim\nWORKDIR /app\nCOPY --chown=node:node . .\n',
    },
    {
      name: 'part of a longer RUN: reported, no fix',
      code: 'FROM node\nCOPY src/ /srv/app/\nRUN chown -R 1000 /srv/app && chmod -R g+w /srv/app\n',
      errors: [{ line: 3, text: 'chown' }],
      output: null,
    },
  ],
});
