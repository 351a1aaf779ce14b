import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/yum-unpinned-package';

ruleTests(rule, {
  valid: [
    'RUN yum install -y tomcat-9.2 && yum clean all\n',
    'RUN bash -c `# not even a yum command`\n',
    'RUN yum install -y openssl-1:1.1.1k\n',
    'RUN yum install -y rpm-sign-4.16.1.3\n',
    'RUN yum install -y gcc-c++-1.1.1\n',
    'RUN yum install -y httpd-2.4.6-97.el7.x86_64\n',
    'RUN yum module install -y tomcat:9 && yum clean all\n',
    'RUN yum install -y https://example.com/epel-release-latest-7.noarch.rpm /tmp/local.rpm\n',
    'RUN yum groupinstall -y "Development Tools" && yum install -y @base\n',
    'ENV version=2.51.0-2.fc42\nRUN yum -y install git-core-${version}\n',
    'ARG version=2.51.0-2.fc42\nRUN yum -y install git-core-$version\n',
    // an ARG anywhere can be set at build time
    'FROM fedora:fc42 AS build\nARG version=2.51.0-2.fc42\nFROM fedora:fc42\nRUN yum -y install git-core-${version}\n',
    'FROM fedora:fc42 AS build\nENV version=2.51.0-2.fc42\nFROM build\nRUN yum -y install git-core-${version}\n',
    'RUN <<EOF\nyum install -y httpd-2.4.6\nEOF\n',
  ],
  invalid: [
    { code: 'RUN yum install -y tomcat && yum clean all\n', errors: [{ line: 1, text: 'tomcat' }], output: null },
    { code: 'ONBUILD RUN yum module install -y tomcat && yum clean all\n', errors: [{ line: 1, text: 'tomcat', message: /stream/ }] },
    { name: 'ENV of a stage this one does not build on', code: 'FROM fedora:fc42 AS build\nENV version=2.51.0-2.fc42\nFROM fedora:fc42\nRUN yum -y install git-core-${version}\n', errors: [{ line: 4, text: 'git-core-${version}' }] },
    { name: 'a name with a number in it is still a name (hadolint takes it as pinned)', code: 'RUN yum install -y java-11-openjdk\n', errors: [{ line: 1, text: 'java-11-openjdk' }] },
    { name: 'continuation lines with a comment inside', code: 'FROM centos:7\nRUN yum install -y \\\n    # web\n    httpd \\\n    php-5.4.16\n', errors: [{ line: 4, text: 'httpd' }] },
    { name: 'sh -c', code: "FROM centos:7\nRUN sh -c 'yum install -y httpd'\n", errors: [{ line: 2, text: 'httpd' }] },
    { name: 'heredoc', code: 'FROM centos:7\nRUN <<EOF\nyum install -y httpd\nEOF\n', errors: [{ line: 3, text: 'httpd' }] },
  ],
});
