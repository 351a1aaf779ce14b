// The one list of rules. Adding a rule: its file, its table test, and one line here.
import type { Rule } from '../rule';
import addInsteadOfCopy from './dockerfile/add-instead-of-copy';
import imageLatestTag from './dockerfile/image-latest-tag';
import imageUntagged from './dockerfile/image-untagged';
import maintainerDeprecated from './dockerfile/maintainer-deprecated';
import shellFormCommand from './dockerfile/shell-form-command';
import userRoot from './dockerfile/user-root';
import workdirRelative from './dockerfile/workdir-relative';

export const RULES: readonly Rule[] = [
  addInsteadOfCopy,
  imageLatestTag,
  imageUntagged,
  maintainerDeprecated,
  shellFormCommand,
  userRoot,
  workdirRelative,
];
