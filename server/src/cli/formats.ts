// Output formats of `seaworthy lint`: text for people, JSON for tools, SARIF for code scanning.
import type { Finding, Severity } from '../core/types';
import { CATALOG, ruleMeta } from '../core/catalog';
import { ruleDocUrl, VERSION, PROJECT_URL } from '../core/meta';

export interface FileReport { path: string; text: string; findings: Finding[] }

export function formatJson(files: FileReport[]): string {
  return JSON.stringify({
    files: files.map((f) => ({
      path: f.path,
      diagnostics: f.findings.map((d) => ({
        rule: d.rule, aliases: d.aliases, severity: d.severity, message: d.message, range: d.range,
        ...(d.fix ? { fix: { title: d.fix.title, safe: d.fix.safe, edits: d.fix.edits } } : {}),
      })),
    })),
    summary: summarize(files),
  }, null, 2) + '\n';
}

export function summarize(files: FileReport[]) {
  const s = { files: files.length, errors: 0, warnings: 0, infos: 0, hints: 0, fixable: 0 };
  for (const f of files) for (const d of f.findings) {
    if (d.severity === 'error') s.errors++; else if (d.severity === 'warning') s.warnings++; else if (d.severity === 'info') s.infos++; else s.hints++;
    if (d.fix?.safe) s.fixable++;
  }
  return s;
}

const COLORS = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', hint: '\x1b[2m', reset: '\x1b[0m', dim: '\x1b[2m', bold: '\x1b[1m' };

export function formatText(files: FileReport[], color: boolean): string {
  const c = (k: keyof typeof COLORS, s: string) => (color ? COLORS[k] + s + COLORS.reset : s);
  const out: string[] = [];
  for (const f of files) {
    if (!f.findings.length) continue;
    const lines = f.text.split(/\r\n|\r|\n/);
    for (const d of f.findings) {
      const { line, character } = d.range.start;
      const fix = d.fix ? c('dim', d.fix.safe ? ' [fixable]' : ' [fix available]') : '';
      out.push(`${c('bold', `${f.path}:${line + 1}:${character + 1}`)}: ${c(d.severity, d.severity)} ${d.message} ${c('dim', `(${[d.rule, ...d.aliases].join(', ')})`)}${fix}`);
      const src = lines[line] ?? '';
      if (src.length <= 200) {
        const endCol = d.range.end.line === line ? Math.max(d.range.end.character, character + 1) : src.length;
        const gutter = String(line + 1).padStart(5) + ' | ';
        out.push(c('dim', gutter) + src.replace(/\t/g, ' '));
        out.push(' '.repeat(gutter.length + character) + c(d.severity, '^'.repeat(Math.max(1, Math.min(endCol, src.length) - character))));
      }
    }
  }
  const s = summarize(files);
  const total = s.errors + s.warnings + s.infos + s.hints;
  out.push(total
    ? `${total} problem${total === 1 ? '' : 's'} (${s.errors} error${s.errors === 1 ? '' : 's'}, ${s.warnings} warning${s.warnings === 1 ? '' : 's'}, ${s.infos} info, ${s.hints} hint${s.hints === 1 ? '' : 's'}) in ${s.files} file${s.files === 1 ? '' : 's'}${s.fixable ? `; ${s.fixable} fixable with --fix` : ''}`
    : `No problems in ${s.files} file${s.files === 1 ? '' : 's'}.`);
  return out.join('\n') + '\n';
}

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export function formatSarif(files: FileReport[]): string {
  const used = new Set(files.flatMap((f) => f.findings.map((d) => d.rule)));
  const rules = CATALOG.filter((r) => used.has(r.id));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const uri = (p: string) => p.replace(/\\/g, '/').replace(/^\.\//, '').split('/').map(encodeURIComponent).join('/');
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'Seaworthy', version: VERSION, semanticVersion: VERSION, informationUri: PROJECT_URL,
          rules: rules.map((r) => ({
            id: r.id,
            name: r.id.replace(/(^|-)(\w)/g, (_, __, ch: string) => ch.toUpperCase()),
            shortDescription: { text: r.docs.summary },
            fullDescription: { text: r.docs.why },
            helpUri: ruleDocUrl(r.id),
            help: { text: `${r.docs.why}\n\nFix: ${r.docs.fix}`, markdown: `${r.docs.why}\n\n**Fix:** ${r.docs.fix}` },
            defaultConfiguration: { level: SARIF_LEVEL[r.severity] },
            properties: { tags: [r.kind, r.profile, ...r.aliases] },
          })),
        },
      },
      columnKind: 'utf16CodeUnits',
      results: files.flatMap((f) => f.findings.map((d) => ({
        ruleId: d.rule,
        ruleIndex: index.get(d.rule),
        level: SARIF_LEVEL[d.severity],
        message: { text: d.message },
        locations: [{
          physicalLocation: {
            artifactLocation: { uri: uri(f.path), uriBaseId: '%SRCROOT%' },
            region: {
              startLine: d.range.start.line + 1, startColumn: d.range.start.character + 1,
              endLine: d.range.end.line + 1, endColumn: Math.max(d.range.end.character + 1, d.range.start.line === d.range.end.line ? d.range.start.character + 2 : 1),
            },
          },
        }],
        partialFingerprints: { primaryLocationLineHash: fingerprint(`${d.rule}:${f.path}:${f.text.split(/\r?\n/)[d.range.start.line]?.trim() ?? ''}`) },
        ...(d.fix ? { fixes: [{ description: { text: d.fix.title }, artifactChanges: [{ artifactLocation: { uri: uri(f.path), uriBaseId: '%SRCROOT%' }, replacements: d.fix.edits.map((e) => ({ deletedRegion: { startLine: e.range.start.line + 1, startColumn: e.range.start.character + 1, endLine: e.range.end.line + 1, endColumn: e.range.end.character + 1 }, insertedContent: { text: e.newText } })) }] }] } : {}),
      }))),
    }],
  };
  void ruleMeta;
  return JSON.stringify(sarif, null, 2) + '\n';
}

/** A stable, short hash (FNV-1a) so code scanning can track a finding across line moves. */
function fingerprint(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 0x01000193) >>> 0; }
  return h.toString(16).padStart(8, '0') + ':1';
}
