import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/zypper-unpinned-package';

ruleTests(rule, {
  valid: [
    'RUN zypper install -y tomcat=9.0.39 && zypper clean\n',
    'RUN zypper install -y tomcat\\>=9.0 tomcat\\>9.0 tomcat\\<=9.0 tomcat\\<9.0 && zypper clean\n',
    "RUN zypper install -y 'tomcat>=9.0'\n",
    'RUN zypper install -y tomcat-9.0.39-1.rpm && zypper clean\n',
    'RUN zypper -n in -t pattern devel_basis\n',
    'RUN zypper -n remove tomcat\n',
    'RUN <<EOF\nzypper -n in curl=8.6.0\nEOF\n',
  ],
  invalid: [
    { code: 'RUN zypper install -y tomcat && zypper clean\n', errors: [{ line: 1, text: 'tomcat' }], output: null },
    { code: 'ONBUILD RUN zypper install -y tomcat && zypper clean\n', errors: [{ line: 1, text: 'tomcat' }] },
    { name: 'continuation lines with a comment inside', code: 'FROM opensuse/leap:15.6\nRUN zypper -n in \\\n    # tools\n    curl \\\n    git=2.43.0\n', errors: [{ line: 4, text: 'curl' }] },
    { name: 'sh -c', code: "FROM opensuse/leap:15.6\nRUN sh -c 'zypper -n in curl'\n", errors: [{ line: 2, text: 'curl' }] },
    { name: 'heredoc', code: 'FROM opensuse/leap:15.6\nRUN <<EOF\nzypper -n in curl\nEOF\n', errors: [{ line: 3, text: 'curl' }] },
  ],
});
