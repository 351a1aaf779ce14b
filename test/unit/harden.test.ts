// Harden takes the guide's naive Node, Python and Go Dockerfiles to zero findings under the
// recommended profile, and never loses a comment.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { harden } from '../../server/src/core/harden';
import { lint } from '../../server/src/core/engine';
import { mapWorkspace } from '../../server/src/core/workspace';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/naive');

function workspaceOf(dir: string, extra: Record<string, string> = {}) {
  const files: Record<string, string> = {};
  for (const f of fs.readdirSync(dir)) if (f !== 'Dockerfile') files[f] = fs.readFileSync(path.join(dir, f), 'utf8');
  return { ...files, ...extra };
}

for (const stack of ['node', 'python', 'go']) {
  test(`harden turns the naive ${stack} Dockerfile into one with zero findings`, () => {
    const dir = path.join(FIXTURES, stack);
    const text = fs.readFileSync(path.join(dir, 'Dockerfile'), 'utf8');
    const files = workspaceOf(dir);
    const before = lint({ text, kind: 'dockerfile', path: 'Dockerfile', workspace: mapWorkspace(files) });
    assert.ok(before.findings.length >= 5, `the naive file should have findings, got ${before.findings.length}`);
    const result = harden({ text, kind: 'dockerfile', path: 'Dockerfile', workspace: mapWorkspace(files) });
    const after: Record<string, string> = { ...files };
    for (const fe of result.fileEdits) after[fe.path] = (fe.append ? after[fe.path] ?? '' : '') + fe.newText;
    const res = lint({ text: result.text, kind: 'dockerfile', path: 'Dockerfile', workspace: mapWorkspace(after) });
    assert.deepEqual(res.ruleErrors, []);
    assert.deepEqual(res.findings.map((f) => `${f.range.start.line + 1}: ${f.rule}: ${f.message}`), [], result.text);
    assert.ok(result.needsConfirmation.length > 0, 'behaviour changes are flagged for confirmation');
    assert.ok(after['.dockerignore']?.includes('.git'), 'a .dockerignore is created');
    assert.match(result.text, /^USER |:nonroot/m);
    // Harden again finds nothing more to do.
    const again = harden({ text: result.text, kind: 'dockerfile', path: 'Dockerfile', workspace: mapWorkspace(after) });
    assert.equal(again.text, result.text);
  });
}

test('harden keeps comments, continuation lines and heredocs', () => {
  const text = [
    '# syntax=docker/dockerfile:1',
    '# Base image chosen by the platform team',
    'FROM debian:12',
    'MAINTAINER ops',
    '# tools we need',
    'RUN apt-get update \\',
    '    # curl for the health check',
    '    && apt-get install curl',
    'COPY <<EOF /etc/app.conf',
    'port = 8080',
    'EOF',
    'EXPOSE 8080',
    'CMD /usr/bin/app --port 8080',
    '',
  ].join('\n');
  const out = harden({ text, kind: 'dockerfile', path: 'Dockerfile' }).text;
  for (const line of text.split('\n').filter((l) => l.trim().startsWith('#') || l === 'port = 8080' || l === 'EOF')) {
    assert.ok(out.split('\n').includes(line), `lost: ${line}\n---\n${out}`);
  }
  assert.match(out, /apt-get install (-y --no-install-recommends|--no-install-recommends -y) curl \\\n +&& rm -rf \/var\/lib\/apt\/lists\/\*/);
  assert.match(out, /CMD \["\/usr\/bin\/app", "--port", "8080"\]/);
});
