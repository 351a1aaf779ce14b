import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf } from '../helpers/findings';
import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/dnf-cache-not-cleaned';

ruleTests(rule, {
  valid: [
    'RUN dnf install -y mariadb-10.4 && dnf clean all\n',
    'RUN dnf in -y mariadb-10.4 && dnf clean all\n',
    'RUN microdnf install -y mariadb-10.4 && microdnf clean all\n',
    'RUN notdnf install mariadb\n',
    'RUN dnf install -y mariadb-10.4 && rm -rf /var/cache/yum/*\n',
    'RUN dnf5 install -y mariadb-10.4 && rm -rf /var/cache/libdnf5\n',
    'RUN --mount=type=cache,target=/var/cache/libdnf5 dnf install -y mariadb-10.4\n',
    'RUN --mount=type=tmpfs,target=/var/cache/dnf microdnf install -y mariadb-10.4\n',
    'RUN dnf -y upgrade && dnf clean all\n',
    'RUN dnf -y remove git\n',
  ],
  invalid: [
    { code: 'RUN dnf install -y mariadb-10.4\n', errors: [{ line: 1, text: 'dnf install' }], output: 'RUN dnf install -y mariadb-10.4 && dnf clean all\n' },
    { code: 'RUN microdnf install -y mariadb-10.4\n', errors: [{ line: 1, text: 'microdnf install' }], output: 'RUN microdnf install -y mariadb-10.4 && microdnf clean all\n' },
    // Fuzz, seed 1126: U+2029 ends the script as part of its last word, so the command goes after it.
    { name: 'a script ending in U+2029', code: 'ONbuild\trun\tmicrodnf\tinstall\tr\u2029', errors: [{ line: 1, text: 'microdnf\tinstall' }], output: 'ONbuild\trun\tmicrodnf\tinstall\tr\u2029 && microdnf clean all' },
    { name: 'each manager needs its own clean', code: 'ONBUILD RUN dnf install -y mariadb-10.4 && microdnf clean all\n', errors: [{ line: 1, text: 'dnf install' }] },
    { name: 'clean before install', code: 'RUN rm -rf /var/cache/libdnf5 && dnf in -y mariadb-10.4\n', errors: [{ line: 1, text: 'dnf in' }] },
    { code: 'RUN dnf -y up-min\n', errors: [{ line: 1, text: 'dnf -y up-min' }], output: 'RUN dnf -y up-min && dnf clean all\n' },
    {
      name: 'continuation lines with a comment inside',
      code: 'FROM fedora:40\nRUN dnf install -y \\\n    # editors\n    vim-9.1.0 && \\\n    echo done\n',
      errors: [{ line: 2, text: 'dnf install' }],
      output: 'FROM fedora:40\nRUN dnf install -y \\\n    # editors\n    vim-9.1.0 && \\\n    echo done && \\\n    dnf clean all\n',
    },
    { name: 'sh -c', code: "FROM fedora:40\nRUN sh -c 'dnf install -y vim-9.1.0'\n", errors: [{ line: 2 }], output: "FROM fedora:40\nRUN sh -c 'dnf install -y vim-9.1.0' && dnf clean all\n" },
    { name: 'heredoc', code: 'FROM fedora:40\nRUN <<EOF\ndnf install -y vim-9.1.0\nEOF\n', errors: [{ line: 3 }], output: 'FROM fedora:40\nRUN <<EOF\ndnf install -y vim-9.1.0 && dnf clean all\nEOF\n' },
  ],
});

test('dnf-cache-not-cleaned: Trivy id per manager', () => {
  const fs = findingsOf(rule, 'RUN dnf install -y a-1 && microdnf install -y b-1\n');
  assert.deepEqual(fs.map((f) => f.aliases), [['DL3040', 'DS019'], ['DL3040', 'DS027']]);
});
