import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/dnf-unpinned-package';

ruleTests(rule, {
  valid: [
    'RUN dnf install -y tomcat-9.0.1 && dnf clean all\n',
    'RUN microdnf install -y rpm-sign-4.16.1.3 && microdnf clean all\n',
    'RUN notdnf install tomcat\n',
    'RUN dnf install -y gcc-c++-1.1.1 openssl-1:1.1.1k\n',
    'RUN dnf module install -y tomcat:9 && dnf clean all\n',
    'RUN dnf -y --setopt=group_package_types="mandatory" group install "Development Tools"\n',
    'RUN microdnf group install -y "Development Tools" && microdnf clean all\n',
    'ENV version=2.51.0-2.fc42\nRUN dnf -y install git-core-${version}\n',
    'FROM fedora:fc42 AS build\nARG version=2.51.0-2.fc42\nFROM fedora:fc42\nRUN dnf -y install git-core-${version}\n',
    'RUN <<EOF\ndnf install -y httpd-2.4.62\nEOF\n',
  ],
  invalid: [
    { code: 'RUN dnf install -y tomcat && dnf clean all\n', errors: [{ line: 1, text: 'tomcat' }], output: null },
    { code: 'RUN microdnf install -y rpm-sign && microdnf clean all\n', errors: [{ line: 1, text: 'rpm-sign' }] },
    { code: 'ONBUILD RUN dnf module install -y tomcat && dnf clean all\n', errors: [{ line: 1, text: 'tomcat' }] },
    { name: 'ENV of a stage this one does not build on', code: 'FROM fedora:fc42 AS build\nENV version=2.51.0-2.fc42\nFROM fedora:fc42\nRUN dnf -y install git-core-${version}\n', errors: [{ line: 4 }] },
    { name: 'continuation lines with a comment inside', code: 'FROM fedora:40\nRUN dnf in -y \\\n    # editors\n    vim \\\n    nano-8.1\n', errors: [{ line: 4, text: 'vim' }] },
    { name: 'sh -c', code: 'FROM fedora:40\nRUN sh -c "dnf5 install -y vim"\n', errors: [{ line: 2, text: 'vim' }] },
    { name: 'heredoc', code: 'FROM fedora:40\nRUN <<EOF\nmicrodnf install -y vim\nEOF\n', errors: [{ line: 3, text: 'vim' }] },
  ],
});
