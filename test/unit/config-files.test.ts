// Config discovery on disk: the nearest folder with a config file wins, up to the stop folder; the
// resolver answers each folder once per run (CLI) and sees new files after clear() (the server calls
// it on file-change events).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConfigResolver, findConfigFiles, repositoryRoot } from '../../server/src/node/config-files';
import { tempTree } from '../helpers/temp-tree';

function tree(files: Record<string, string>): string {
  return tempTree('seaworthy-cfgfind-', files);
}

test('the nearest folder wins, a folder named like a config file is not one, the walk stops at stopAt', () => {
  const root = tree({ '.hadolint.yaml': 'ignored: [DL3008]\n', 'a/b/c/Dockerfile': '', 'a/.seaworthy.yaml/x': '' });
  try {
    assert.deepEqual(findConfigFiles(path.join(root, 'a/b/c'), 'dockerfile'), [path.join(root, '.hadolint.yaml')]);
    assert.deepEqual(findConfigFiles(path.join(root, 'a/b/c'), 'dockerfile', path.join(root, 'a')), []);
    fs.writeFileSync(path.join(root, 'a/b/.seaworthy.yml'), 'rules: {}\n');
    assert.deepEqual(findConfigFiles(path.join(root, 'a/b/c'), 'dockerfile'), [path.join(root, 'a/b/.seaworthy.yml')]);
  } finally { fs.rmSync(root, { recursive: true, force: true }); }
});

test('the resolver gives the same answers as the walk, keeps them for the run, and drops them on clear()', () => {
  const root = tree({ 'repo/.git/HEAD': '', 'repo/svc1/Dockerfile': '', 'repo/svc2/Dockerfile': '', 'repo/svc2/deep/Dockerfile': '', 'repo/.hadolint.yaml': 'ignored: [DL3008]\n' });
  try {
    const r = new ConfigResolver();
    for (const d of ['repo/svc2/deep', 'repo/svc1', 'repo/svc2', 'repo']) {
      const dir = path.join(root, d);
      assert.equal(r.repositoryRoot(dir), repositoryRoot(dir), d);
      assert.equal(r.repositoryRoot(dir), path.join(root, 'repo'));
      assert.deepEqual(r.forDirectory(dir, 'dockerfile', r.repositoryRoot(dir)).files.map((f) => f.file), [path.join(root, 'repo/.hadolint.yaml')]);
    }
    assert.equal(r.repositoryRoot(root), repositoryRoot(root));
    // A config file added during the run is not seen until clear() (the server clears on file events).
    fs.writeFileSync(path.join(root, 'repo/svc1/.seaworthy.yaml'), 'rules: {}\n');
    const svc1 = path.join(root, 'repo/svc1');
    assert.deepEqual(r.forDirectory(svc1, 'dockerfile', r.repositoryRoot(svc1)).files.map((f) => f.file), [path.join(root, 'repo/.hadolint.yaml')]);
    r.clear();
    assert.deepEqual(r.forDirectory(svc1, 'dockerfile', r.repositoryRoot(svc1)).files.map((f) => f.file), [path.join(svc1, '.seaworthy.yaml')]);
    // Sibling folders share the parents' answers: a new file in the parent is seen by neither before clear().
    fs.rmSync(path.join(root, 'repo/.hadolint.yaml'));
    const svc2 = path.join(root, 'repo/svc2');
    r.forDirectory(svc2, 'compose', r.repositoryRoot(svc2));
    fs.writeFileSync(path.join(root, 'repo/.dclintrc'), '{}\n');
    assert.deepEqual(r.forDirectory(path.join(svc2, 'deep'), 'compose', path.join(root, 'repo')).files, []);
    r.clear();
    assert.deepEqual(r.forDirectory(path.join(svc2, 'deep'), 'compose', path.join(root, 'repo')).files.map((f) => f.file), [path.join(root, 'repo/.dclintrc')]);
  } finally { fs.rmSync(root, { recursive: true, force: true }); }
});
