// dclint's `.dclintrc` (JSON or YAML): `rules: { name: 0|1|2 | [level, options] }` and `exclude`.
import type { RuleLevel } from './settings';
import { parseLocated, Problems, describe, joinPath, closest } from './yaml-source';
import type { ProjectConfig } from './project';
import { ruleNameStatus } from './rule-names';
import { parseExclude } from './seaworthy';

const DCLINT_NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const KNOWN_KEYS = ['$schema', 'rules', 'exclude', 'quiet', 'debug', 'recursive', 'stats', 'plugins'];
/** dclint levels: 0 off, 1 warning, 2 error. */
const LEVELS: Record<number, RuleLevel> = { 0: 'off', 1: 'warning', 2: 'error' };

export function parseDclintConfig(text: string): ProjectConfig {
  const parsed = parseLocated(text);
  const p = new Problems(parsed.problems);
  const rules: Record<string, RuleLevel> = {};
  const out: ProjectConfig = { format: 'dclint', settings: { rules }, exclude: [], problems: p.list };
  const root = parsed.root;
  if (!root) return out;
  if (root.type !== 'map') { p.add(root.span, '', `expected a mapping of dclint settings (${KNOWN_KEYS.slice(1).join(', ')}), not ${describe(root)}`); return out; }
  for (const pair of root.pairs) {
    const v = pair.value;
    switch (pair.key) {
      case 'rules': {
        if (v.type !== 'map') { p.add(v.span, 'rules', `expected a mapping of dclint rule name to 0, 1 or 2, not ${describe(v)}`); break; }
        for (const r of v.pairs) {
          const at = joinPath('rules', r.key);
          let levelNode = r.value;
          if (levelNode.type === 'seq') {
            const [lv, options] = levelNode.items;
            if (!lv || levelNode.items.length > 2) { p.add(levelNode.span, at, 'expected [level, options] with level 0, 1 or 2'); continue; }
            if (options && !(options.type === 'map' && options.pairs.length === 0)) p.add(options.span, joinPath(at, 1), 'Seaworthy does not read dclint rule options; the rule runs with its own defaults', 'info');
            levelNode = lv;
          }
          const level = levelNode.type === 'scalar' && typeof levelNode.value === 'number' ? LEVELS[levelNode.value] : undefined;
          if (!level) { p.add(levelNode.span.end > levelNode.span.start ? levelNode.span : r.keySpan, at, `invalid level ${describe(levelNode)}; valid: 0 (off), 1 (warning), 2 (error)`); continue; }
          if (ruleNameStatus(r.key).status === 'known') rules[r.key] = level;
          else if (DCLINT_NAME.test(r.key)) p.add(r.keySpan, at, `no Seaworthy rule covers dclint's "${r.key}", so this entry has no effect`, 'info');
          else p.add(r.keySpan, at, `"${r.key}" is not a dclint rule name (dclint names are kebab-case, e.g. no-version-field)`);
        }
        break;
      }
      case 'exclude':
        out.exclude = parseExclude(v, 'exclude', p);
        break;
      case 'quiet': case 'debug': case 'recursive': case 'stats':
        if (v.type !== 'scalar' || typeof v.value !== 'boolean') p.add(v.span, pair.key, `expected true or false, not ${describe(v)}`);
        break;
      case 'plugins':
        p.add(pair.keySpan, 'plugins', 'Seaworthy does not load dclint plugins; their rules do not run', 'info');
        break;
      case '$schema':
        break;
      default: {
        const guess = closest(pair.key, KNOWN_KEYS);
        p.add(pair.keySpan, pair.key, `unknown key "${pair.key}"; valid keys: ${KNOWN_KEYS.slice(1).join(', ')}${guess ? ` (did you mean "${guess}"?)` : ''}`);
      }
    }
  }
  return out;
}
