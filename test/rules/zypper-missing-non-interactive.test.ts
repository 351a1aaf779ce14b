import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/zypper-missing-non-interactive';

ruleTests(rule, {
  valid: [
    'RUN zypper install -n httpd=2.4.24 && zypper clean\n',
    'RUN zypper install --non-interactive httpd=2.4.24 && zypper clean\n',
    'RUN zypper install -y httpd=2.4.24 && zypper clean\n',
    'RUN zypper install --no-confirm httpd=2.4.24 && zypper clean\n',
    'RUN zypper --non-interactive --gpg-auto-import-keys install httpd=2.4.24\n',
    'RUN zypper refresh && zypper search httpd\n',
    'RUN <<EOF\nzypper -n in curl=8.6.0\nEOF\n',
  ],
  invalid: [
    { code: 'RUN zypper install httpd=2.4.24 && zypper clean\n', errors: [{ line: 1, text: 'zypper install' }], output: 'RUN zypper -n install httpd=2.4.24 && zypper clean\n' },
    { code: 'ONBUILD RUN zypper install httpd=2.4.24 && zypper clean\n', errors: [{ line: 1 }], output: 'ONBUILD RUN zypper -n install httpd=2.4.24 && zypper clean\n' },
    {
      name: 'continuation lines with a comment inside',
      code: 'FROM opensuse/leap:15.6\nRUN zypper -n refresh \\\n    # fixes\n    && zypper patch\n',
      errors: [{ line: 4, text: 'zypper patch' }],
      output: 'FROM opensuse/leap:15.6\nRUN zypper -n refresh \\\n    # fixes\n    && zypper -n patch\n',
    },
    { name: 'sh -c', code: 'FROM opensuse/leap:15.6\nRUN sh -c "zypper rm curl"\n', errors: [{ line: 2, text: 'zypper rm' }], output: 'FROM opensuse/leap:15.6\nRUN sh -c "zypper -n rm curl"\n' },
    { name: 'heredoc', code: 'FROM opensuse/leap:15.6\nRUN <<EOF\nzypper in curl=8.6.0\nEOF\n', errors: [{ line: 3 }], output: 'FROM opensuse/leap:15.6\nRUN <<EOF\nzypper -n in curl=8.6.0\nEOF\n' },
  ],
});
