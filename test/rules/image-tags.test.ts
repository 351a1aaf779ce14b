import { ruleTests } from '../helpers/rule-tester';
import imageUntagged from '../../server/src/core/rules/dockerfile/image-untagged';
import imageLatestTag from '../../server/src/core/rules/dockerfile/image-latest-tag';

ruleTests(imageUntagged, {
  valid: [
    'FROM debian:12-slim\n',
    'FROM scratch\n',
    'FROM debian@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n',
    'FROM node:22 AS build\nFROM build\n',
    'ARG V=22\nFROM node:${V}-alpine\n',
    'FROM ${IMAGE}\n',
    'FROM localhost:5000/app:1.2\n',
  ],
  invalid: [
    { code: 'FROM debian\n', errors: [{ line: 1, text: 'debian', message: /Pin the base image "debian"/ }], output: null },
    { code: 'FROM localhost:5000/app\n', errors: [{ line: 1, text: 'localhost:5000/app' }] },
    { code: 'ARG IMAGE=node\nFROM ${IMAGE}\n', errors: [{ line: 2, text: '${IMAGE}' }], output: null },
    {
      name: 'offers the tag used elsewhere in the file',
      code: 'FROM node:22-slim AS build\nFROM node\n',
      errors: [{ line: 2, text: 'node' }],
      output: 'FROM node:22-slim AS build\nFROM node:22-slim\n',
    },
  ],
});

ruleTests(imageLatestTag, {
  valid: ['FROM debian:12\n', 'FROM debian\n', 'FROM latest:1\n', 'FROM debian:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n'],
  invalid: [
    { code: 'FROM debian:latest\n', errors: [{ line: 1, text: 'latest' }], output: null },
    { code: 'ARG T=latest\nFROM debian:${T}\n', errors: [{ line: 2, text: 'debian:${T}' }] },
    { code: 'FROM python:3.12 AS a\nFROM python:latest\n', errors: [{ line: 2, text: 'latest' }], output: 'FROM python:3.12 AS a\nFROM python:3.12\n' },
    // Found by the fuzzer: a "tag" that is not one (here `latest ` with a space, from quotes) is not offered.
    { code: 'FROM golang:lat"est "\nFROM golang:latest\n', errors: [{ line: 2, text: 'latest' }], output: null },
  ],
});
