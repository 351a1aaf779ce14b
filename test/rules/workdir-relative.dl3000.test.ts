import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/workdir-relative';

// hadolint DL3000 cases with quotes and Windows paths.
ruleTests(rule, {
  valid: ["WORKDIR '/usr/local'\n", 'WORKDIR "/usr/local"\n', 'WORKDIR "${dir}"\n', "WORKDIR 'C:\\'\n", 'WORKDIR "C:\\"\n', 'WORKDIR C:/\n', 'WORKDIR "C:/"\n'],
  invalid: [
    { code: "WORKDIR 'relative/dir'\n", errors: [{ line: 1, text: "'relative/dir'" }] },
    { code: 'WORKDIR "relative/dir"\n', errors: [{ line: 1, text: '"relative/dir"' }] },
  ],
});
