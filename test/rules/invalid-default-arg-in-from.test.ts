import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ruleTests } from '../helpers/rule-tester';
import rule, { isValidImageReference } from '../../server/src/core/rules/dockerfile/invalid-default-arg-in-from';

ruleTests(rule, {
  valid: [
    'ARG TAG=latest\nFROM busybox:${TAG}\n',
    'ARG VARIANT\nFROM busybox:stable${VARIANT}\n',
    'ARG TAG\nFROM alpine:${TAG:-3.14}\n',
    'ARG BUSYBOX_VARIANT=""\nFROM busybox:stable${BUSYBOX_VARIANT}\n',
    // Undeclared names belong to undefined-arg-in-from; automatic ARGs get values at build time.
    'FROM busybox:${TAG}\n',
    'FROM --platform=linux/amd64 alpine AS build_amd64\nFROM build_${TARGETARCH} AS build\n',
  ],
  invalid: [
    { code: 'ARG TAG\nFROM busybox:${TAG}\n', errors: [{ line: 2, text: 'busybox:${TAG}', message: /"busybox:"/ }], output: null },
    { code: '\nARG IMAGE\nFROM $IMAGE\n', errors: [{ line: 3, message: /empty image name/ }] },
    { code: '\nARG SFX="box:"\nFROM busy${SFX}\n', errors: [{ line: 3 }] },
    { name: 'repository paths are lower-case', code: 'ARG REPO=myorg/App\nFROM ${REPO}:1\n', errors: [{ line: 2 }] },
  ],
});

test('image reference grammar', () => {
  for (const ok of ['alpine', 'alpine:3.20', 'docker.io/library/node:22-slim', 'localhost:5000/a/b:tag', 'Registry.Example.com/x:1', 'MyRegistry/app', 'a@sha256:' + 'a'.repeat(64), 'gcr.io/distroless/static-debian12:nonroot']) assert.ok(isValidImageReference(ok), ok);
  for (const bad of ['', 'busybox:', 'Busybox', 'a//b', 'a:b:c', 'ghcr.io/Org/x:1', 'a:b:c', '-a', 'a:']) assert.ok(!isValidImageReference(bad), bad);
});
