import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/dnf-missing-yes';

ruleTests(rule, {
  valid: [
    'RUN dnf install -y httpd-2.4.24 && dnf clean all\n',
    'RUN microdnf install -y httpd-2.4.24 && microdnf clean all\n',
    'RUN notdnf install httpd\n',
    'RUN dnf5 --assumeyes upgrade\n',
    'RUN dnf -y group install "Development Tools"\n',
    'RUN <<EOF\ndnf install -y httpd-2.4.24\nEOF\n',
  ],
  invalid: [
    { code: 'RUN dnf install httpd-2.4.24 && dnf clean all\n', errors: [{ line: 1, text: 'dnf install' }], output: 'RUN dnf install -y httpd-2.4.24 && dnf clean all\n' },
    { code: 'RUN microdnf install httpd-2.4.24 && microdnf clean all\n', errors: [{ line: 1, text: 'microdnf install' }], output: 'RUN microdnf install -y httpd-2.4.24 && microdnf clean all\n' },
    { code: 'ONBUILD RUN dnf install httpd-2.4.24 && dnf clean all\n', errors: [{ line: 1 }] },
    { name: 'group install', code: 'RUN dnf group install "Development Tools"\n', errors: [{ line: 1, text: 'dnf group install' }], output: 'RUN dnf group install -y "Development Tools"\n' },
    {
      name: 'continuation lines with a comment inside',
      code: 'FROM fedora:40\nRUN dnf makecache \\\n    # tools\n    && dnf upgrade \\\n    && dnf clean all\n',
      errors: [{ line: 4, text: 'dnf upgrade' }],
      output: 'FROM fedora:40\nRUN dnf makecache \\\n    # tools\n    && dnf upgrade -y \\\n    && dnf clean all\n',
    },
    { name: 'sh -c', code: "FROM fedora:40\nRUN sh -c 'dnf in git-2.45.2'\n", errors: [{ line: 2, text: 'dnf in' }], output: "FROM fedora:40\nRUN sh -c 'dnf in -y git-2.45.2'\n" },
    { name: 'heredoc', code: 'FROM fedora:40\nRUN <<EOF\ndnf remove git\nEOF\n', errors: [{ line: 3 }], output: 'FROM fedora:40\nRUN <<EOF\ndnf remove -y git\nEOF\n' },
  ],
});
