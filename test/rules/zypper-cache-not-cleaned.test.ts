import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/zypper-cache-not-cleaned';

ruleTests(rule, {
  valid: [
    'RUN zypper install -y mariadb=10.4 && zypper clean\n',
    'RUN zypper install -y mariadb=10.4 && zypper cc\n',
    'RUN zypper -n install mariadb=10.4 && zypper --non-interactive clean --all\n',
    'RUN --mount=type=cache,target=/var/cache/zypp zypper install -y mariadb\n',
    'RUN --mount=type=tmpfs,target=/var/cache/zypp zypper install -y mariadb\n',
    'RUN zypper install -y mariadb=10.4 && rm -rf /var/cache/zypp/*\n',
    'RUN zypper -n remove mariadb\n',
  ],
  invalid: [
    { code: 'RUN zypper install -y mariadb=10.4\n', errors: [{ line: 1, text: 'zypper install' }], output: 'RUN zypper install -y mariadb=10.4 && zypper clean --all\n' },
    { code: 'ONBUILD RUN zypper install -y mariadb=10.4\n', errors: [{ line: 1 }] },
    { name: 'clean before install', code: 'RUN zypper clean && zypper install -y mariadb=10.4\n', errors: [{ line: 1, text: 'zypper install' }] },
    {
      name: 'continuation lines with a comment inside',
      code: 'FROM opensuse/leap:15.6\nRUN zypper -n refresh \\\n    # patch first\n    && zypper -n patch\n',
      errors: [{ line: 4, text: 'zypper -n patch' }],
      output: 'FROM opensuse/leap:15.6\nRUN zypper -n refresh \\\n    # patch first\n    && zypper -n patch \\\n    && zypper clean --all\n',
    },
    { name: 'sh -c', code: 'FROM opensuse/leap:15.6\nRUN sh -c "zypper -n in curl=8.6.0"\n', errors: [{ line: 2 }], output: 'FROM opensuse/leap:15.6\nRUN sh -c "zypper -n in curl=8.6.0" && zypper clean --all\n' },
    { name: 'heredoc', code: 'FROM opensuse/leap:15.6\nRUN <<EOF\nzypper -n in curl=8.6.0\nEOF\n', errors: [{ line: 3 }], output: 'FROM opensuse/leap:15.6\nRUN <<EOF\nzypper -n in curl=8.6.0 && zypper clean --all\nEOF\n' },
  ],
});
