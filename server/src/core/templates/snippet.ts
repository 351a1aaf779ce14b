// Templates are written once, as snippet bodies, and used twice: as VS Code snippets (the
// generated snippets/*.code-snippets) and expanded with their defaults by "New Dockerfile…".
//
// Authoring: the `snippet` tag takes plain text (Docker's own `$VAR`, `\` and `}` need no escaping)
// with tab stops from `tab()` / `choice()` interpolated; `snippetText()` escapes it into VS Code's
// snippet syntax. `expandSnippet()` parses that syntax back (the grammar VS Code documents) and fills
// every tab stop, choice and variable with its default, so tests and the command see exactly what a
// user gets by pressing Tab through a snippet.

export interface TabStop {
  readonly tab: number;
  /** Default text (`${1:default}`); absent for a mirror or a bare tab stop (`$1`). */
  readonly value?: string;
  /** Choices (`${1|a,b|}`); the first is the default. */
  readonly choices?: readonly string[];
}

export type Part = string | TabStop;

/** A template body: literal text and tab stops, in order. */
export interface Body { readonly parts: readonly Part[] }

/** `${n:value}`, or `$n` (a mirror of tab stop n, or an empty stop) when no value is given. */
export function tab(n: number, value?: string): TabStop {
  return value === undefined ? { tab: n } : { tab: n, value };
}

/** `${n|a,b,c|}`: the user picks one; the first is the default. */
export function choice(n: number, ...choices: string[]): TabStop {
  return { tab: n, choices };
}

/** Tagged template: `snippet\`FROM node:${tab(1, '22')}\`` → a Body. Interpolated strings are literal text; Bodies are spliced in. */
export function snippet(strings: TemplateStringsArray, ...values: (TabStop | Body | string)[]): Body {
  const parts: Part[] = [];
  const push = (p: Part) => {
    const last = parts[parts.length - 1];
    if (typeof p === 'string' && typeof last === 'string') parts[parts.length - 1] = last + p;
    else if (p !== '') parts.push(p);
  };
  strings.forEach((s, k) => {
    push(s);
    const v = k < values.length ? values[k] : '';
    if (typeof v === 'object' && 'parts' in v) v.parts.forEach(push);
    else push(v);
  });
  return { parts };
}

/** Replace tab stops by plain text (e.g. the command passes a stack's port). */
export function fill(body: Body, values: Record<number, string>): Body {
  return { parts: body.parts.map((p) => (typeof p !== 'string' && values[p.tab] !== undefined ? values[p.tab] : p)) };
}

// ---- Writing snippet syntax -------------------------------------------------------------------

/** Escape literal text so VS Code reads it back unchanged. Only what the parser would misread is escaped. */
function escapeText(text: string, inPlaceholder: boolean, atEnd: boolean): string {
  let out = '';
  for (let k = 0; k < text.length; k++) {
    const c = text[k];
    const next = k + 1 < text.length ? text[k + 1] : atEnd ? '' : '$';
    if (c === '$' && (next === '' || /[0-9A-Za-z_{]/.test(next))) out += '\\$';
    else if (c === '}' && inPlaceholder) out += '\\}';
    else if (c === '\\' && (next === '' || next === '$' || next === '}' || next === '\\')) out += '\\\\';
    else out += c;
  }
  return out;
}

/** Inside a choice only `\,`, `\|` and `\\` are escapes (VS Code's grammar). */
function escapeChoice(text: string): string {
  return text.replace(/[\\,|]/g, (c) => '\\' + c);
}

/** The body in VS Code snippet syntax. */
export function snippetText(body: Body): string {
  return body.parts
    .map((p, k) => {
      const atEnd = k === body.parts.length - 1;
      if (typeof p === 'string') return escapeText(p, false, atEnd);
      if (p.choices) {
        if (!p.choices.length || p.choices.some((c) => c === '')) throw new Error(`tab stop ${p.tab}: VS Code rejects an empty choice`);
        return `\${${p.tab}|${p.choices.map(escapeChoice).join(',')}|}`;
      }
      if (p.value !== undefined) return `\${${p.tab}:${escapeText(p.value, true, true)}}`;
      return `$${p.tab}`;
    })
    .join('');
}

// ---- Reading snippet syntax (the grammar of VS Code snippets) ---------------------------------

type Node =
  | { kind: 'text'; value: string }
  | { kind: 'tab'; index: number; children: Node[]; choices?: string[]; transform?: Transform; hasValue: boolean }
  | { kind: 'var'; name: string; children: Node[]; transform?: Transform; hasValue: boolean };

interface Transform { regex: RegExp; format: string }

class SnippetParser {
  private pos = 0;
  constructor(private readonly src: string) {}

  /** Parse until end, or until an unescaped `}` when inside a placeholder. */
  parse(inPlaceholder: boolean): Node[] {
    const nodes: Node[] = [];
    let text = '';
    const flush = () => { if (text) { nodes.push({ kind: 'text', value: text }); text = ''; } };
    while (this.pos < this.src.length) {
      const c = this.src[this.pos];
      if (c === '\\') {
        const n = this.src[this.pos + 1];
        if (n === '$' || n === '}' || n === '\\') { text += n; this.pos += 2; } else { text += c; this.pos++; }
        continue;
      }
      if (c === '}' && inPlaceholder) break;
      if (c === '$') {
        const start = this.pos;
        const node = this.dollar();
        if (node) { flush(); nodes.push(node); } else { this.pos = start + 1; text += '$'; }
        continue;
      }
      text += c;
      this.pos++;
    }
    flush();
    return nodes;
  }

  private match(re: RegExp): string | undefined {
    re.lastIndex = this.pos;
    const m = re.exec(this.src);
    if (!m) return undefined;
    this.pos += m[0].length;
    return m[0];
  }

  /** `$1`, `${1}`, `${1:…}`, `${1|a,b|}`, `$VAR`, `${VAR}`, `${VAR:…}`, `${1/re/fmt/opts}`; undefined when not a construct. */
  private dollar(): Node | undefined {
    this.pos++; // $
    const int = this.match(/[0-9]+/y);
    if (int !== undefined) return { kind: 'tab', index: Number(int), children: [], hasValue: false };
    const name = this.match(/[_A-Za-z][_A-Za-z0-9]*/y);
    if (name !== undefined) return { kind: 'var', name, children: [], hasValue: false };
    if (this.src[this.pos] !== '{') return undefined;
    this.pos++;
    const index = this.match(/[0-9]+/y);
    const vname = index === undefined ? this.match(/[_A-Za-z][_A-Za-z0-9]*/y) : undefined;
    if (index === undefined && vname === undefined) return undefined;
    const base = index !== undefined
      ? { kind: 'tab' as const, index: Number(index), children: [] as Node[], hasValue: false }
      : { kind: 'var' as const, name: vname!, children: [] as Node[], hasValue: false };
    const c = this.src[this.pos];
    if (c === '}') { this.pos++; return base; }
    if (c === ':') {
      this.pos++;
      const children = this.parse(true);
      if (this.src[this.pos] !== '}') return undefined;
      this.pos++;
      return { ...base, children, hasValue: true };
    }
    if (c === '|' && base.kind === 'tab' && base.index > 0) {
      this.pos++;
      const choices: string[] = [];
      let cur = '';
      while (this.pos < this.src.length) {
        const ch = this.src[this.pos];
        if (ch === '\\' && /[\\,|]/.test(this.src[this.pos + 1] ?? '')) { cur += this.src[this.pos + 1]; this.pos += 2; continue; }
        if (ch === ',' || ch === '|') {
          if (!cur) return undefined; // an empty choice: VS Code reads the whole thing as text
          choices.push(cur);
          cur = '';
          this.pos++;
          if (ch === ',') continue;
          if (this.src[this.pos] !== '}') return undefined;
          this.pos++;
          return { ...base, choices, hasValue: true };
        }
        cur += ch;
        this.pos++;
      }
      return undefined;
    }
    if (c === '/') {
      this.pos++;
      const regex = this.until('/');
      const format = regex === undefined ? undefined : this.until('/', true);
      const options = format === undefined ? undefined : this.until('}');
      if (options === undefined) return undefined;
      let re: RegExp;
      try { re = new RegExp(regex!, options); } catch { return undefined; }
      return { ...base, transform: { regex: re, format: format! } };
    }
    return undefined;
  }

  /** Raw text up to an unescaped `end` (consumed); `\/` keeps its meaning for the regex. In a format, `${…}` is one token. */
  private until(end: string, format = false): string | undefined {
    let out = '';
    while (this.pos < this.src.length) {
      const ch = this.src[this.pos];
      if (format && ch === '$' && this.src[this.pos + 1] === '{') {
        const close = this.src.indexOf('}', this.pos);
        if (close < 0) return undefined;
        out += this.src.slice(this.pos, close + 1);
        this.pos = close + 1;
        continue;
      }
      if (ch === '\\' && this.src[this.pos + 1] === end) { out += end === '/' ? '\\/' : end; this.pos += 2; continue; }
      if (ch === end) { this.pos++; return out; }
      out += ch;
      this.pos++;
    }
    return undefined;
  }
}

/** Apply a snippet transform's format string (`$1`, `${1}`, `${1:/upcase}`, `${1:+if}`, `${1:?if:else}`, `${1:-else}`). */
function applyTransform(value: string, t: Transform): string {
  return value.replace(t.regex, (...m: unknown[]) => {
    const named = typeof m[m.length - 1] === 'object' && m[m.length - 1] !== null;
    const groups = m.slice(0, named ? -3 : -2) as (string | undefined)[];
    return t.format.replace(/\$(\d+)|\$\{(\d+)(?::(\/upcase|\/downcase|\/capitalize|\/camelcase|\/pascalcase|\+[^}]*|\?[^:}]*:[^}]*|-?[^}]*))?\}/g, (_, a, b, mod: string | undefined) => {
      const g = groups[Number(a ?? b)] ?? '';
      if (!mod) return g;
      if (mod === '/upcase') return g.toUpperCase();
      if (mod === '/downcase') return g.toLowerCase();
      if (mod === '/capitalize') return g.charAt(0).toUpperCase() + g.slice(1);
      if (mod === '/camelcase' || mod === '/pascalcase') {
        const words = g.split(/[-_\s]+/).filter(Boolean).map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase());
        const s = words.join('');
        return mod === '/camelcase' ? s.charAt(0).toLowerCase() + s.slice(1) : s;
      }
      if (mod.startsWith('+')) return g ? mod.slice(1) : '';
      if (mod.startsWith('?')) { const [yes, no] = mod.slice(1).split(':'); return g ? yes : no; }
      return g || mod.replace(/^-/, '');
    });
  });
}

export interface ExpandOptions {
  /** Values for snippet variables (`TM_FILENAME`, `WORKSPACE_NAME`…); others take their default. */
  variables?: Record<string, string>;
}

/** Variables VS Code knows; an unknown one becomes a placeholder showing its name. */
const KNOWN_VARIABLE = /^(TM_[A-Z_]+|CLIPBOARD|WORKSPACE_NAME|WORKSPACE_FOLDER|RELATIVE_FILEPATH|CURSOR_INDEX|CURSOR_NUMBER|CURRENT_[A-Z_]+|RANDOM|RANDOM_HEX|UUID|BLOCK_COMMENT_START|BLOCK_COMMENT_END|LINE_COMMENT|SELECTION)$/;

/**
 * Expand VS Code snippet syntax with every default taken: `${1:default}` → default, `${1|a,b|}` → a,
 * `$1` → the value of tab stop 1 wherever it is defined (VS Code mirrors it), `$0` → '', variables →
 * `options.variables`, else their default, else '' (a known variable such as `TM_FILENAME`) or their
 * name (an unknown one, as VS Code shows it). Invalid constructs stay literal text, as in VS Code.
 */
export function expandSnippet(text: string, options: ExpandOptions = {}): string {
  const nodes = new SnippetParser(text).parse(false);
  // The first placeholder of an index that has a value defines the value of every stop with that index.
  const defining = new Map<number, Node & { kind: 'tab' }>();
  const collect = (ns: Node[]) => {
    for (const n of ns) {
      if (n.kind === 'text') continue;
      if (n.kind === 'tab' && n.hasValue && !defining.has(n.index)) defining.set(n.index, n);
      collect(n.children);
    }
  };
  collect(nodes);
  const active = new Set<number>();
  const render = (ns: Node[]): string => ns.map((n) => {
    if (n.kind === 'text') return n.value;
    if (n.kind === 'var') {
      const v = options.variables?.[n.name];
      const value = v ? v : n.hasValue ? render(n.children) : KNOWN_VARIABLE.test(n.name) ? '' : n.name;
      return n.transform ? applyTransform(value, n.transform) : value;
    }
    const def = defining.get(n.index);
    let value = '';
    if (def && !active.has(n.index)) {
      active.add(n.index); // a stop nested in its own default would loop forever
      value = def.choices ? def.choices[0] ?? '' : render(def.children);
      active.delete(n.index);
    }
    return n.transform ? applyTransform(value, n.transform) : value;
  }).join('');
  return render(nodes);
}

/** A Body expanded with its defaults (through the snippet syntax, so escaping is exercised too). */
export function expandBody(body: Body, options?: ExpandOptions): string {
  return expandSnippet(snippetText(body), options);
}
