// Findings the engine itself reports (not produced by a rule's check), documented like rules.
import type { RuleMeta } from '../../rule';

export const SYNTAX_ERROR: RuleMeta<'dockerfile'> = {
  id: 'syntax-error',
  kind: 'dockerfile',
  aliases: [],
  severity: 'error',
  profile: 'recommended',
  fixable: 'never',
  docs: {
    summary: 'The file cannot be parsed the way Docker would parse it.',
    why: 'Docker refuses to build a Dockerfile (or start a compose project) that does not parse, so every other finding on the file is provisional until this is fixed.',
    bad: 'FORM debian:12\n',
    good: 'FROM debian:12\n',
    fix: 'Correct the syntax at the reported place. Linting continues past syntax errors, so other findings still show.',
  },
};

export const FILE_TOO_LARGE: RuleMeta<'dockerfile'> = {
  id: 'file-too-large',
  kind: 'dockerfile',
  aliases: [],
  severity: 'info',
  profile: 'recommended',
  fixable: 'never',
  docs: {
    summary: 'The file is larger than the configured size limit and was not analysed.',
    why: 'Linting runs on every keystroke; a bound on the input keeps the editor responsive on generated or binary files.',
    bad: '(a 5 MB generated Dockerfile)',
    good: '(a Dockerfile under the limit, or a raised `maxFileSize` setting)',
    fix: 'Raise `maxFileSize` in `.seaworthy.yaml` or the `seaworthy.maxFileSize` setting if the file really is a Dockerfile.',
  },
};
