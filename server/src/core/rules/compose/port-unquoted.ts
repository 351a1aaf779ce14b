import { defineComposeRule } from '../../rule';
import { STYLE_PROFILE_NOTE } from './util';
import { allServices } from '../../compose/facts';
import { isScalar, isSeq } from '../../compose/query';
import { quoteScalarEdit } from '../../compose/edit';

export default defineComposeRule({
  id: 'port-unquoted',
  aliases: ['require-quotes-in-ports'],
  severity: 'hint',
  profile: 'style',
  fixable: 'sometimes',
  docs: {
    summary: 'A `ports` or `expose` entry is not quoted.',
    why: 'YAML 1.1 parsers read an unquoted `xx:yy` with `yy` below 60 as a base-60 number (`22:22` becomes 1342), which is why Docker\'s documentation recommends always quoting port mappings; quoting every entry keeps files safe for every YAML tool and consistent.',
    bad: 'services:\n  ssh:\n    image: example/sshd:9.6\n    ports:\n      - 22:22\n',
    good: 'services:\n  ssh:\n    image: example/sshd:9.6\n    ports:\n      - "22:22"\n',
    fix: 'The fix wraps the entry in double quotes.',
    notes: 'Style profile (off by default): Compose v2 itself reads YAML 1.2 and is not affected. dclint quotes with single quotes by default; Seaworthy uses double quotes, as Docker\'s documentation does. When every style fix is applied at once, ports also get quoted where dclint\'s single-rule fix expectations (service-keys-order, service-ports-alphabetical-order) leave them bare. ' + STYLE_PROFILE_NOTE,
  },
  check(ctx) {
    // Old-Mac line breaks (a CR alone) make YAML re-read the lines around a quoted item differently: no fix there.
    const loneCr = /\r(?!\n)/.test(ctx.text);
    for (const s of allServices(ctx.doc)) {
      for (const key of ['ports', 'expose']) {
        const list = s.node?.get(key);
        if (!isSeq(list)) continue;
        for (const item of list.items) {
          if (!isScalar(item) || item.style !== 'plain' || item.value === null) continue;
          const edit = loneCr ? undefined : quoteScalarEdit(item, '"');
          ctx.report({ span: item, message: `Quote the ${key === 'ports' ? 'port mapping' : 'exposed port'} ${item.source} ("${item.source}") so no YAML parser reads it as a number.`, fix: edit ? { title: 'Quote the port', safe: true, edits: [edit] } : undefined });
        }
      }
    }
  },
});
