import { defineComposeRule } from '../../rule';
import { rootMap } from '../../compose/query';
import { project } from './util';

export default defineComposeRule({
  id: 'project-name-missing',
  aliases: ['require-project-name-field'],
  severity: 'info',
  profile: 'strict',
  fixable: 'never',
  docs: {
    summary: 'The file does not set a top-level `name`, so the project is named after its folder.',
    why: 'Compose prefixes containers, networks and volumes with the project name. Taken from the folder, two checkouts named `app` share (and overwrite) each other\'s containers and volumes, and renaming the folder orphans the old volumes.',
    bad: 'services:\n  web:\n    image: nginx:1.27\n',
    good: 'name: shop\nservices:\n  web:\n    image: nginx:1.27\n',
    fix: 'Add `name: <project>` at the top of the file (lower-case letters, digits, `-` and `_`).',
    notes: 'In the strict profile (dclint reports it by default): a folder-derived name is fine for many projects. Override and `compose.<env>.yaml` files are not reported when the base file sets the name. With no configuration (as in the conformance run) dclint\'s case for it counts as a disagreement.',
  },
  check(ctx) {
    const root = ctx.doc.documents.map(rootMap).find((m) => m);
    if (!root || ctx.doc.documents.some((d) => rootMap(d)?.has('name'))) return;
    if (project(ctx).partial) return;
    const first = root.pairs.find((p) => !p.merged) ?? root.merges[0];
    if (!first) return;
    ctx.report({ span: first.key, message: 'The project has no "name:", so Compose names it after the folder; add name: <project> to keep container and volume names stable.' });
  },
});
