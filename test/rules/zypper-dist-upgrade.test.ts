import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/zypper-dist-upgrade';

ruleTests(rule, {
  valid: ['RUN zypper -n patch\n', 'RUN zypper -n update\n', 'RUN echo zypper dup\n', 'RUN <<EOF\nzypper -n up\nEOF\n'],
  invalid: [
    { code: 'RUN zypper dist-upgrade\n', errors: [{ line: 1, text: 'zypper dist-upgrade' }], output: null },
    { code: 'RUN zypper dup\n', errors: [{ line: 1, text: 'zypper dup' }] },
    { code: 'ONBUILD RUN zypper dup\n', errors: [{ line: 1, text: 'zypper dup' }] },
    { name: 'continuation lines with a comment inside', code: 'FROM opensuse/tumbleweed\nRUN zypper -n ref \\\n    # everything\n    && zypper -n dup\n', errors: [{ line: 4, text: 'zypper -n dup' }] },
    { name: 'sh -c', code: "FROM opensuse/tumbleweed\nRUN sh -c 'zypper -n dup'\n", errors: [{ line: 2, text: 'zypper -n dup' }] },
    { name: 'heredoc', code: 'FROM opensuse/tumbleweed\nRUN <<EOF\nzypper --non-interactive dist-upgrade\nEOF\n', errors: [{ line: 3, text: 'zypper --non-interactive dist-upgrade' }] },
  ],
});
