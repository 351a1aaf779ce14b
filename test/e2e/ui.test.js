#!/usr/bin/env node
// UI test in a real VS Code (code-server 4.100.3 + Debian Chromium via playwright-core): builds the
// VSIX, installs it into a fresh extensions dir, opens a temp copy of examples/ and reads what the
// editor shows (DOM) and saves (disk). The CLI is the oracle: see workspace.js.
//
//   npm run test:e2e                      build the VSIX, install, run every check
//   node test/e2e/ui.test.js --no-build   reuse ./seaworthy.vsix
//   ... --update-screenshots              rewrite docs/images/squiggles.png (also written when missing)
//   E2E_VERBOSE=1 / E2E_KEEP=1            noisy logs / keep the temp run dir (see harness.js)
//
// Closing line: "N passed, N failed, N skipped". Each failure saves a screenshot (path printed).
'use strict';
const assert = require('assert');
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const h = require('./harness');
const w = require('./workspace');

const argv = new Set(process.argv.slice(2));
const VSIX = path.join(w.REPO, 'seaworthy.vsix');
const DOC_SHOT = path.join(w.REPO, 'docs/images/squiggles.png');
const T0 = Date.now();
const secs = since => `${((Date.now() - since) / 1000).toFixed(1)} s`;

// ---- reading the editor -------------------------------------------------------------------------
// Squiggles of the active editor as { line, col, len, severity, box } (1-based line/col, in characters).
function readSquiggles(sel) {
  const ed = document.querySelector(sel);
  if (!ed) return [];
  const lineAt = new Map();
  for (const d of ed.querySelectorAll('.margin-view-overlays > div')) {
    const n = d.querySelector('.line-numbers');
    if (n) lineAt.set(Math.round(parseFloat(d.style.top)), parseInt(n.textContent, 10));
  }
  let cw = 0;
  for (const l of ed.querySelectorAll('.view-lines .view-line')) {
    const t = l.textContent;
    if (t.length >= 8 && l.firstElementChild) { cw = l.firstElementChild.getBoundingClientRect().width / t.length; break; }
  }
  const out = [];
  for (const s of ed.querySelectorAll('.view-overlays [class*="squiggly-"]')) {
    const sev = /squiggly-(error|warning|info|hint)\b/.exec(s.className);
    if (!sev) continue;
    const r = s.getBoundingClientRect();
    out.push({
      line: lineAt.get(Math.round(parseFloat(s.parentElement.style.top))),
      col: cw ? Math.round(parseFloat(s.style.left) / cw) + 1 : 0,
      len: cw ? Math.round(parseFloat(s.style.width) / cw) : 0,
      severity: sev[1],
      box: { x: r.x, y: r.y, width: r.width, height: r.height },
    });
  }
  return out.sort((a, b) => a.line - b.line || a.col - b.col);
}
const squiggles = page => page.evaluate(readSquiggles, h.ACTIVE_EDITOR);
const squiggleKey = s => `${s.line}:${s.col}+${s.len} ${s.severity}`;
// What the editor should draw for a CLI finding. Empty and multi-line ranges: Monaco widens or
// splits them, so only single-line, non-empty ranges pin the length.
function expectedSquiggleKey(d) {
  const { start, end } = d.range;
  const len = start.line === end.line && end.character > start.character ? end.character - start.character : null;
  return `${start.line + 1}:${start.character + 1}+${len ?? '?'} ${d.severity}`;
}
function sameSquiggles(expected, actual) {
  const e = expected.map(expectedSquiggleKey).sort();
  const a = actual.map(squiggleKey).sort();
  return e.length === a.length && e.every((k, i) => k.includes('+?') ? a[i].split('+')[0] === k.split('+')[0] && a[i].endsWith(k.split(' ')[1]) : a[i] === k);
}

async function showProblems(page) {
  if (!(await page.locator('.markers-panel').isVisible().catch(() => false))) {
    await page.keyboard.press('Control+Shift+M');
    await page.waitForSelector('.markers-panel', { state: 'visible' });
  }
}
// Problems panel rows grouped by file header ("6 problems in file Dockerfile of folder node-app").
// The list is virtual (only rows in view exist in the DOM): scroll through it and collect by index.
async function problems(page) {
  const list = page.locator('.markers-panel .monaco-list').first();
  const read = () => page.$$eval('.markers-panel .monaco-list-row[aria-label][data-index]', rs => rs.map(r => [+r.getAttribute('data-index'), r.getAttribute('aria-label')]));
  const byIndex = new Map();
  const box = await list.boundingBox();
  if (box) {
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -100000);
  }
  for (let stable = 0, i = 0; stable < 2 && i < 50; i++) {
    const before = byIndex.size;
    await page.waitForFunction(() => !!document.querySelector('.markers-panel .monaco-list-row[data-index]'));
    for (const [k, v] of await read()) byIndex.set(k, v);
    if (!box) break;
    stable = byIndex.size === before ? stable + 1 : 0;
    await page.mouse.wheel(0, box.height * 0.8);
    await page.waitForTimeout(50); // let the virtual list render the rows scrolled in (no DOM event to wait for)
  }
  if (box) await page.mouse.wheel(0, -100000);
  const labels = [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map(e => e[1]);
  const groups = [];
  for (const l of labels) {
    const head = /^\d+ problems? in file (.+?)(?: of folder (.+))?$/.exec(l);
    if (head) { groups.push({ file: head[1], folder: head[2] || '', rows: [] }); continue; }
    const m = /^(Error|Warning|Info): ([\s\S]*) at line (\d+) and character (\d+)\. generated by (.+)$/.exec(l);
    if (m && groups.length) groups[groups.length - 1].rows.push({ severity: m[1].toLowerCase(), message: m[2], line: +m[3], col: +m[4], source: m[5] });
  }
  return groups;
}
const problemsFor = (groups, rel) => {
  const base = path.basename(rel);
  const dir = path.dirname(rel);
  const g = groups.find(x => x.file === base && (dir === '.' || x.folder === path.basename(dir)));
  return g ? g.rows : [];
};
const problemKey = r => `${r.line}:${r.col} ${r.severity} ${r.message}`;
const expectedProblemKey = d => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.message}`;

/** Retries fn (an assertion) until it passes or the timeout ends; throws its last error. */
async function eventually(fn, timeout = 20000, every = 250) {
  const end = Date.now() + timeout;
  for (;;) {
    try { return await fn(); } catch (e) {
      if (Date.now() > end) throw e;
      await new Promise(r => setTimeout(r, every));
    }
  }
}

/** The editor's squiggles and Problems rows for `rel` equal the CLI's findings on `text`. */
async function expectEditorMatchesCli(page, rel, text, ws) {
  const expected = w.lintText(text, path.join(ws, rel));
  await showProblems(page);
  await eventually(async () => {
    const sq = await squiggles(page);
    assert.ok(sameSquiggles(expected, sq), `squiggles differ from the CLI:\n  CLI:    ${JSON.stringify(expected.map(expectedSquiggleKey))}\n  editor: ${JSON.stringify(sq.map(squiggleKey))}`);
    const rows = problemsFor(await problems(page), rel);
    const diff = w.diffSets(expected.filter(d => d.severity !== 'hint').map(expectedProblemKey), rows.map(problemKey), `Problems rows for ${rel}`);
    assert.ok(!diff, diff);
    assert.ok(rows.every(r => r.source === 'seaworthy'), 'every row is generated by seaworthy');
  });
  return expected;
}

/** docs/images/squiggles.png for the README: the editor with its squiggles over the Problems panel. */
async function docShot(page) {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 1240, height: 700 });
  const sidebar = page.locator('.part.sidebar');
  const hadSidebar = await sidebar.isVisible();
  try {
    await page.keyboard.press('Control+1'); // focus the editor: no highlighted Problems row
    if (hadSidebar) { await page.keyboard.press('Control+B'); await sidebar.waitFor({ state: 'hidden' }); }
    await page.waitForFunction(() => document.querySelector('.part.editor')?.getBoundingClientRect().width > 1100);
    const list = await page.locator('.markers-panel .monaco-list').first().boundingBox();
    if (list) { // Problems scrolled to its first row
      await page.mouse.move(list.x + list.width / 2, list.y + list.height / 2);
      await page.mouse.wheel(0, -100000);
      await page.waitForFunction(() => {
        const row = document.querySelector('.markers-panel .monaco-list-row[data-index="0"]');
        const l = document.querySelector('.markers-panel .monaco-list');
        return row && l && row.getBoundingClientRect().top >= l.getBoundingClientRect().top - 1;
      });
    }
    await page.mouse.move(1238, 2);
    const boxes = await page.$$eval('.part.editor, .part.panel', els => els.map(e => e.getBoundingClientRect()).map(r => ({ x: r.x, y: r.y, r: r.right, b: r.bottom })));
    const clip = { x: Math.min(...boxes.map(b => b.x)), y: Math.min(...boxes.map(b => b.y)) };
    clip.width = Math.max(...boxes.map(b => b.r)) - clip.x;
    clip.height = Math.max(...boxes.map(b => b.b)) - clip.y;
    fs.mkdirSync(path.dirname(DOC_SHOT), { recursive: true });
    await page.screenshot({ path: DOC_SHOT, clip });
    console.log(`[e2e] wrote ${path.relative(w.REPO, DOC_SHOT)}`);
  } finally {
    if (hadSidebar) await page.keyboard.press('Control+B');
    await page.setViewportSize(size);
  }
}

async function closeAllEditors(page) {
  await h.runCommand(page, 'View: Close All Editors');
  // A check that failed half-way may leave a dirty editor: answer the "Save changes?" dialog.
  const state = await page.waitForFunction(() => (document.querySelector('.monaco-dialog-box') ? 'dialog'
    : document.querySelector('.tab.active') ? '' : 'closed'), null, { timeout: 15000 }).then(r => r.jsonValue());
  if (state === 'dialog') {
    await page.locator('.monaco-dialog-box .monaco-button', { hasText: /Don.t Save/ }).click();
    await page.waitForSelector('.tab.active', { state: 'detached' });
  }
}

// ---- the checks ---------------------------------------------------------------------------------
async function main() {
  const results = [];
  let page;
  let shotDir;
  const only = process.env.E2E_ONLY ? new RegExp(process.env.E2E_ONLY, 'i') : null; // debugging: run some checks
  const check = async (name, fn) => {
    const t = Date.now();
    if (only && results.length && !only.test(name)) { results.push('skip'); console.log(`SKIP ${name}: E2E_ONLY`); return; }
    try {
      const note = await fn();
      if (note && note.skip) { results.push('skip'); console.log(`SKIP ${name}: ${note.skip}`); return; }
      results.push('pass');
      console.log(`ok   ${name} (${secs(t)})${note ? ` — ${note}` : ''}`);
    } catch (e) {
      results.push('fail');
      let shot = '';
      if (page && shotDir) {
        shot = path.join(shotDir, `failure-${results.length}-${name.replace(/[^a-z0-9]+/gi, '-').slice(0, 40)}.png`);
        await page.screenshot({ path: shot }).catch(() => { shot = ''; });
      }
      console.log(`FAIL ${name} (${secs(t)})\n  ${String(e && e.stack || e).split('\n').join('\n  ')}${shot ? `\n  screenshot: ${shot}` : ''}`);
      if (page) for (let i = 0; i < 3; i++) await page.keyboard.press('Escape').catch(() => {});
    }
  };
  const summary = () => {
    const n = k => results.filter(r => r === k).length;
    console.log(`[e2e] total ${secs(T0)}`);
    console.log(`${n('pass')} passed, ${n('fail')} failed, ${n('skip')} skipped`);
    return n('fail') === 0 && n('pass') > 0;
  };

  // 1. VSIX: build, install into a fresh extensions dir.
  let codeServer;
  let root;
  let extensionsDir;
  await check('VSIX builds (npm run package) and installs with code-server --install-extension', async () => {
    if (!argv.has('--no-build')) {
      const t = Date.now();
      const r = spawnSync('npm', ['run', '--silent', 'package'], { cwd: w.REPO, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`npm run package failed:\n${r.stdout}\n${r.stderr}`);
      h.vlog(`VSIX built in ${secs(t)}`);
    }
    assert.ok(fs.existsSync(VSIX), `${VSIX} missing`);
    codeServer = h.ensureCodeServer();
    root = h.newRunDir();
    extensionsDir = path.join(root, 'extensions');
    const installed = h.installVsix(codeServer, VSIX, extensionsDir, root);
    const pkg = require(path.join(w.REPO, 'package.json'));
    const id = `${pkg.publisher}.${pkg.name}-${pkg.version}`.toLowerCase();
    assert.deepStrictEqual(installed.map(d => d.toLowerCase()), [id]);
    for (const f of ['package.json', 'dist/extension.js', 'dist/server.js', 'dist/cli.js']) {
      assert.ok(fs.existsSync(path.join(extensionsDir, installed[0], f)), `installed extension lacks ${f}`);
    }
    process.env.SEAWORTHY_E2E_CLI = path.join(extensionsDir, installed[0], 'dist/cli.js'); // the oracle: same build
    return `${(fs.statSync(VSIX).size / 1024).toFixed(0)} KB, installed as ${installed[0]}`;
  });
  if (!root) { summary(); process.exitCode = 1; return; }
  shotDir = root;
  console.log(`[e2e] run dir ${root}`);

  const ws = w.prepareWorkspace(path.join(root, 'ws'));
  const server = await h.startCodeServer({
    codeServer, workspace: ws, root, extensionsDir,
    // Fix-all on explicit save; the other checks save with "Save without Formatting" (no participants).
    settings: { 'editor.codeActionsOnSave': { 'source.fixAll.seaworthy': 'explicit' }, 'workbench.editor.enablePreview': false },
  });
  const ctx = await h.launchBrowser(server);
  page = ctx.pages()[0] || await ctx.newPage();
  let ok = false;
  try {
    const tLoad = Date.now();
    await page.goto(h.workbenchUrl(server)); // no extensionDevelopmentPath: the VSIX install is what runs
    await h.waitForWorkbench(page);
    console.log(`[e2e] workbench loaded in ${secs(tLoad)}`);

    const DF = 'node-app/Dockerfile';
    const dfPath = path.join(ws, DF);
    let original = fs.readFileSync(dfPath, 'utf8');

    await check('Dockerfile: squiggles and Problems rows match the CLI (MAINTAINER among them)', async () => {
      assert.ok(!(await page.title()).includes('Extension Development Host'), 'runs the installed VSIX, not a dev path');
      await h.quickOpen(page, DF);
      await h.waitForEditorText(page, 'MAINTAINER');
      await page.waitForSelector(`${h.ACTIVE_EDITOR} .view-overlays [class*="squiggly-"]`, { timeout: 30000 });
      const expected = await expectEditorMatchesCli(page, DF, original, ws);
      const m = expected.find(d => d.rule === 'maintainer-deprecated');
      assert.ok(m, 'the CLI reports maintainer-deprecated on the example');
      const rows = problemsFor(await problems(page), DF);
      assert.ok(rows.some(r => r.line === 4 && /^MAINTAINER is deprecated/.test(r.message)), 'Problems lists the MAINTAINER finding on line 4');
      const status = await page.getAttribute('#status\\.problems', 'aria-label');
      const warnings = expected.filter(d => d.severity === 'warning').length;
      assert.match(status || '', new RegExp(`Warnings: ${warnings}\\b`), `status bar says "${status}"`);
      if (argv.has('--update-screenshots') || !fs.existsSync(DOC_SHOT)) await docShot(page);
      return `${expected.length} findings`;
    });

    await check('hover on a squiggle shows the rule docs', async () => {
      const meta = w.rules().find(r => r.id === 'maintainer-deprecated');
      await page.keyboard.press('Control+1'); // focus back on the editor (the Problems panel had it)
      const m = w.lintText(original, dfPath).find(d => d.rule === 'maintainer-deprecated');
      const sq = (await squiggles(page)).find(s => s.line === m.range.start.line + 1 && s.col === m.range.start.character + 1);
      assert.ok(sq, 'a squiggle where the CLI reports maintainer-deprecated');
      await page.mouse.move(sq.box.x + sq.box.width / 2, sq.box.y + sq.box.height / 2); // the overlay spans the line's height
      const plain = s => s.replace(/[`*]/g, '').replace(/\s+/g, ' ');
      // The problem part renders first, the language server's hover when it arrives: wait for the docs.
      const hover = page.locator('.monaco-hover:not(.hidden)').filter({ hasText: plain(meta.docs.summary) }).first();
      await hover.waitFor({ timeout: 15000 }).catch(async e => {
        const shown = await page.locator('.monaco-hover:not(.hidden)').first().innerText().catch(() => '(no hover)');
        throw new Error(`hover never showed the summary "${meta.docs.summary}"; it shows:\n${shown}\n${e.message}`);
      });
      const text = (await hover.innerText()).replace(/\s+/g, ' ');
      assert.ok(text.includes(plain(meta.docs.why).slice(0, 60)), 'hover shows the why');
      assert.ok(text.includes('maintainer-deprecated'), 'hover names the rule');
      await page.mouse.move(0, 0);
      await page.keyboard.press('Escape');
      await hover.waitFor({ state: 'hidden' }).catch(() => {});
    });

    let afterQuickFixes;
    await check('Ctrl+. offers "Replace with LABEL …" and "Replace ADD with COPY"; applying them fixes the text and removes the squiggles', async () => {
      const findings = w.lintText(original, dfPath);
      let text = original;
      for (const rule of ['maintainer-deprecated', 'add-instead-of-copy']) {
        const d = w.lintText(text, dfPath).find(x => x.rule === rule);
        assert.ok(d && d.fix, `the CLI offers a fix for ${rule}`);
        assert.match(d.fix.title, rule === 'add-instead-of-copy' ? /Replace ADD with COPY/ : /Replace with LABEL/);
        await h.goTo(page, d.range.start.line + 1, d.range.start.character + 1);
        const titles = await h.applyQuickFix(page, d.fix.title);
        assert.ok(titles.some(t => t.includes(`Disable ${rule} for this line`)), `the menu also offers to disable the rule: ${titles}`);
        text = w.applyEdits(text, d.fix.edits);
        await h.waitForEditorText(page, d.fix.edits[0].newText);
        const expected = w.lintText(text, dfPath);
        assert.ok(!expected.some(x => x.rule === rule && x.range.start.line === d.range.start.line), `the CLI no longer reports ${rule} there`);
        await eventually(async () => {
          const now = await squiggles(page);
          assert.ok(sameSquiggles(expected, now), `squiggles follow the fix: CLI ${JSON.stringify(expected.map(expectedSquiggleKey))}, editor ${JSON.stringify(now.map(squiggleKey))}`);
          const at = `${d.range.start.line + 1}:${d.range.start.character + 1}+`;
          assert.ok(!now.some(x => squiggleKey(x).startsWith(at) && !expected.some(e => expectedSquiggleKey(e).startsWith(at))), `the ${rule} squiggle is gone`);
        });
      }
      await h.save(page, { withoutParticipants: true });
      afterQuickFixes = fs.readFileSync(dfPath, 'utf8');
      assert.strictEqual(afterQuickFixes, text, 'the saved file is the original with exactly the two fix edits');
      await expectEditorMatchesCli(page, DF, afterQuickFixes, ws);
      return `${findings.length} → ${w.lintText(afterQuickFixes, dfPath).length} findings`;
    });

    await check('"Seaworthy: Harden Dockerfile": refactor preview, Apply, result equals `seaworthy harden --write`', async () => {
      const before = fs.readFileSync(dfPath, 'utf8');
      const cliResult = w.cliHardenFull(before);
      const expectedText = cliResult.text;
      const needsConfirmation = w.cliHardenNeedsConfirmation(before);
      assert.notStrictEqual(expectedText, before, 'the CLI hardens the example');
      await h.runCommand(page, 'Seaworthy: Harden Dockerfile');
      if (needsConfirmation) {
        // Behaviour-changing edits come as a refactor preview; VS Code leaves edits that need
        // confirmation unticked, so review = tick them, then Apply (what a user does).
        await page.waitForSelector('.bulk-edit-panel .monaco-list-row', { timeout: 20000 });
        // Only rows on screen can be ticked (the tree renders off-screen rows hidden, and a ticked
        // parent row ticks its children), so look for visible unticked boxes each round.
        for (let i = 0; i < 40; i++) {
          const box = page.locator('.bulk-edit-panel input.edit-checkbox:not(:checked) >> visible=true').first();
          if (!(await box.count())) break;
          // The tree re-renders after each tick; a box can be mid-animation or replaced: force the
          // click (it is on screen) and look again next round.
          await box.click({ timeout: 3000, force: true }).catch(() => page.waitForTimeout(200));
        }
        await page.locator('.bulk-edit-panel .monaco-button', { hasText: 'Apply' }).click();
        await page.waitForSelector('.bulk-edit-panel .monaco-list-row', { state: 'detached', timeout: 20000 });
      }
      await h.save(page, { withoutParticipants: true });
      const saved = fs.readFileSync(dfPath, 'utf8');
      assert.strictEqual(saved, expectedText, 'the saved file equals `seaworthy harden --write` on the same text');
      const pre = w.lintText(before, dfPath);
      const post = w.lintFile(dfPath);
      assert.ok(post.length < pre.length, `fewer findings after hardening (${pre.length} → ${post.length})`);
      const left = post.filter(d => d.fix && d.fix.edits.length);
      assert.deepStrictEqual(left.map(w.findingKey), [], 'no text fix the CLI could still apply is left after hardening');
      await expectEditorMatchesCli(page, DF, saved, ws);
      const gap = w.expectOrKnownGap('editor-file-edits', w.missingSiblings(cliResult.files, path.dirname(dfPath)));
      return `${needsConfirmation ? 'preview + Apply; ' : 'applied directly; '}${pre.length} → ${post.length} findings (left: ${[...new Set(post.map(d => d.rule))].join(', ') || 'none'})${gap ? `\n       ${gap}` : ''}`;
    });

    await check('compose file: diagnostics at the places the CLI reports', async () => {
      await closeAllEditors(page);
      const rel = 'compose.yaml';
      const text = fs.readFileSync(path.join(ws, rel), 'utf8');
      await h.quickOpen(page, rel);
      await h.waitForEditorText(page, 'privileged');
      const mode = await page.locator('#status\\.editor\\.mode').innerText();
      assert.match(mode, /Compose/i, `language mode is Compose, not "${mode}"`);
      const expected = w.lintText(text, path.join(ws, rel));
      const composeRules = w.rules().filter(r => r.kind === 'compose');
      const notes = [];
      // Rules known to fire on the example, checked at their exact place when they exist.
      const known = [
        { match: r => r.aliases.includes('no-version-field') || /version/.test(r.id), line: 2, col: 1, what: 'obsolete version' },
        { match: r => /privileged/.test(r.id), line: 12, col: 5, what: 'privileged' },
      ];
      for (const k of known) {
        const rule = composeRules.find(k.match);
        if (!rule) { notes.push(`no ${k.what} rule yet`); continue; }
        const d = expected.find(x => x.rule === rule.id);
        assert.ok(d, `the CLI reports ${rule.id} on examples/compose.yaml`);
        assert.strictEqual(`${d.range.start.line + 1}:${d.range.start.character + 1}`, `${k.line}:${k.col}`, `${rule.id} is reported at its key`);
        notes.push(`${rule.id} at ${k.line}:${k.col}`);
      }
      if (expected.length) await page.waitForSelector(`${h.ACTIVE_EDITOR} .view-overlays [class*="squiggly-"]`, { timeout: 30000 });
      await expectEditorMatchesCli(page, rel, text, ws);
      return `${expected.length} findings (${composeRules.length} compose rules; ${notes.join('; ')})`;
    });

    await check('snippet prefix in an empty Dockerfile inserts the multi-stage template', async () => {
      const snippets = w.swSnippets();
      if (!snippets.length) return { skip: `no sw-* snippets in ${path.relative(w.REPO, w.SNIPPETS)} yet` };
      const [name, snippet] = snippets.find(([, s]) => w.prefixOf(s) === 'sw-node') || snippets[0];
      const prefix = w.prefixOf(snippet);
      await closeAllEditors(page);
      await h.quickOpen(page, 'snippet/Dockerfile');
      await page.waitForSelector(`${h.ACTIVE_EDITOR} .view-lines`);
      await page.keyboard.type(prefix);
      await page.keyboard.press('Control+Space');
      // Enter accepts the focused suggestion: wait until the list, filtered for the whole prefix,
      // focuses exactly this snippet (sw-node-dev also matches "sw-node").
      const focusedLabel = () => page.evaluate(() => document.querySelector('.suggest-widget.visible .monaco-list-row.focused .label-name')?.textContent || '');
      await page.waitForSelector('.suggest-widget.visible .monaco-list-row .label-name', { timeout: 15000 });
      await eventually(async () => {
        if ((await focusedLabel()) === prefix) return;
        const labels = await page.$$eval('.suggest-widget.visible .monaco-list-row .label-name', ls => ls.map(l => l.textContent));
        if (labels.includes(prefix)) await page.keyboard.press('ArrowDown');
        assert.strictEqual(await focusedLabel(), prefix, `suggestions: ${labels.join(', ')}`);
      }, 15000);
      await page.keyboard.press('Enter');
      await page.waitForSelector('.suggest-widget.visible', { state: 'hidden' }).catch(() => {});
      await page.keyboard.press('Escape'); // leave snippet mode, placeholders keep their defaults
      await h.save(page, { withoutParticipants: true });
      const saved = fs.readFileSync(path.join(ws, 'snippet/Dockerfile'), 'utf8');
      const expected = w.expandSnippet(w.bodyOf(snippet));
      const norm = s => s.replace(/[ \t]+$/gm, '').replace(/\n+$/, '');
      assert.strictEqual(norm(saved), norm(expected), `"${prefix}" inserted the snippet "${name}"`);
      const froms = saved.split('\n').filter(l => /^\s*FROM\s/i.test(l)).length;
      assert.ok(froms >= 2, `the template is multi-stage (${froms} FROM lines)`);
      const findings = w.lintText(saved, path.join(ws, 'snippet/Dockerfile'));
      assert.deepStrictEqual(findings.filter(d => d.severity === 'error').map(w.findingKey), [], 'the template has no errors');
      return `${prefix} → ${froms} stages, ${findings.length} findings (${[...new Set(findings.map(d => d.rule))].join(', ') || 'clean'})`;
    });

    await check('editor.codeActionsOnSave {"source.fixAll.seaworthy": "explicit"}: Ctrl+S saves the fixed file', async () => {
      await closeAllEditors(page);
      const rel = 'fix-on-save/Dockerfile';
      const file = path.join(ws, rel);
      const text = fs.readFileSync(file, 'utf8');
      await h.quickOpen(page, rel);
      await h.waitForEditorText(page, 'MAINTAINER');
      await page.keyboard.press('Control+End');
      const marker = '# edited in the e2e test';
      await page.keyboard.type(marker);
      const cliResult = w.cliFixAllFull(text + marker);
      const expected = cliResult.text;
      assert.notStrictEqual(expected, text + marker, 'the CLI has safe fixes for this file');
      await h.save(page); // Ctrl+S: save participants run
      const saved = fs.readFileSync(file, 'utf8');
      assert.strictEqual(saved, expected, 'the file on disk equals `seaworthy lint --fix` of the edited text');
      await expectEditorMatchesCli(page, rel, saved, ws);
      const gap = w.expectOrKnownGap('editor-file-edits', w.missingSiblings(cliResult.files, path.dirname(file)));
      return `${w.lintText(text + marker, file).filter(d => d.fix && d.fix.safe).length} safe fixes applied on save${gap ? `\n       ${gap}` : ''}`;
    });
    ok = true;
  } catch (e) {
    results.push('fail');
    const shot = path.join(root, 'failure-setup.png');
    await page.screenshot({ path: shot }).catch(() => {});
    console.log(`FAIL setup: ${e.stack || e}\n  screenshot: ${shot}\n  code-server log: ${server.logFile}`);
  } finally {
    await ctx.close().catch(() => {});
    await server.stop();
  }
  const passed = summary() && ok;
  if (passed && !process.env.E2E_KEEP) fs.rmSync(root, { recursive: true, force: true });
  else console.log(`[e2e] kept ${root} (screenshots, code-server.log)`);
  process.exitCode = passed ? 0 : 1;
}

main().catch(e => { console.error(e); console.log('0 passed, 1 failed'); process.exitCode = 1; });
