import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/yum-cache-not-cleaned';

ruleTests(rule, {
  valid: [
    'RUN yum install -y mariadb-10.4 && yum clean all\n',
    'RUN bash -c `# not even a yum command`\n',
    'RUN yum install -y mariadb-10.4 && rm -rf /var/cache/yum/*\n',
    'RUN --mount=type=cache,target=/var/cache/yum yum install -y mariadb-10.4\n',
    'RUN yum --enablerepo=extras clean all || true\n',
    'FROM centos:7 AS build\nRUN yum install -y gcc\nFROM scratch\nCOPY --from=build /out /out\n',
    'FROM centos:7\nRUN <<EOF\nyum install -y httpd-2.4.6\nyum clean all\nEOF\n',
  ],
  invalid: [
    { code: 'RUN yum install -y mariadb-10.4\n', errors: [{ line: 1, text: 'yum install' }], output: 'RUN yum install -y mariadb-10.4 && yum clean all\n' },
    { code: 'ONBUILD RUN yum install -y mariadb-10.4\n', errors: [{ line: 1 }], output: 'ONBUILD RUN yum install -y mariadb-10.4 && yum clean all\n' },
    { name: 'clean before install', code: 'RUN yum clean all && yum install -y\n', errors: [{ line: 1, text: 'yum install' }] },
    { name: 'yum clean packages is not all', code: 'RUN yum install -y a-1 && yum clean packages\n', errors: [{ line: 1 }] },
    {
      name: 'continuation lines with a comment inside',
      code: 'FROM centos:7\nRUN yum install -y \\\n        httpd-2.4.6 \\\n    # and php\n    && yum install -y php-5.4.16\n',
      errors: [{ line: 5, text: 'yum install' }],
      output: 'FROM centos:7\nRUN yum install -y \\\n        httpd-2.4.6 \\\n    # and php\n    && yum install -y php-5.4.16 \\\n    && yum clean all\n',
    },
    { name: 'sh -c', code: 'FROM centos:7\nRUN sh -c "yum install -y httpd-2.4.6"\n', errors: [{ line: 2 }], output: 'FROM centos:7\nRUN sh -c "yum install -y httpd-2.4.6" && yum clean all\n' },
    {
      name: 'heredoc under set -e',
      code: 'FROM centos:7\nRUN <<EOF\nset -e\nyum install -y httpd-2.4.6\nEOF\n',
      errors: [{ line: 4 }],
      output: 'FROM centos:7\nRUN <<EOF\nset -e\nyum install -y httpd-2.4.6\nyum clean all\nEOF\n',
    },
  ],
});
