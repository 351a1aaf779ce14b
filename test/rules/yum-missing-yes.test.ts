import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/yum-missing-yes';

ruleTests(rule, {
  valid: [
    'RUN yum install -y httpd-2.4.24 && yum clean all\n',
    'RUN yum -y install httpd-2.4.24\n',
    'RUN yum --assumeyes install httpd-2.4.24\n',
    'RUN yum --setopt=assumeyes=1 install httpd-2.4.24\n',
    'RUN yes | yum install httpd-2.4.24\n',
    'RUN bash -c `# not even a yum command`\n',
    'RUN yum clean all && yum makecache\n',
    'RUN <<EOF\nyum install -y httpd-2.4.24\nEOF\n',
  ],
  invalid: [
    { code: 'RUN yum install httpd-2.4.24 && yum clean all\n', errors: [{ line: 1, text: 'yum install' }], output: 'RUN yum install -y httpd-2.4.24 && yum clean all\n' },
    { code: 'ONBUILD RUN yum install httpd-2.4.24 && yum clean all\n', errors: [{ line: 1 }], output: 'ONBUILD RUN yum install -y httpd-2.4.24 && yum clean all\n' },
    { name: 'module install: -y after install', code: 'RUN yum module install nodejs:20\n', errors: [{ line: 1, text: 'yum module install' }], output: 'RUN yum module install -y nodejs:20\n' },
    {
      name: 'continuation lines with a comment inside',
      code: 'FROM centos:7\nRUN yum makecache \\\n    # web server\n    && yum update \\\n    && yum clean all\n',
      errors: [{ line: 4, text: 'yum update' }],
      output: 'FROM centos:7\nRUN yum makecache \\\n    # web server\n    && yum update -y \\\n    && yum clean all\n',
    },
    { name: 'sh -c', code: 'FROM centos:7\nRUN sh -c "yum remove httpd"\n', errors: [{ line: 2, text: 'yum remove' }], output: 'FROM centos:7\nRUN sh -c "yum remove -y httpd"\n' },
    { name: 'heredoc', code: 'FROM centos:7\nRUN <<EOF\nyum install httpd-2.4.6\nEOF\n', errors: [{ line: 3 }], output: 'FROM centos:7\nRUN <<EOF\nyum install -y httpd-2.4.6\nEOF\n' },
  ],
});
