-- Driven by neovim.test.js: headless Neovim as a second LSP client of `node dist/server.js --stdio`.
-- Opens the files named in the plan (SW_PLAN, JSON), waits for the server's diagnostics, asks for
-- code actions, applies the planned one and waits for the diagnostics to follow; writes what it saw
-- to SW_OUT (JSON) and quits. Works on Neovim 0.7 (vim.lsp.start_client) and 0.8+ (vim.lsp.start).
local plan = vim.fn.json_decode(table.concat(vim.fn.readfile(os.getenv('SW_PLAN')), '\n'))
local out = { nvim = vim.version(), api = vim.lsp.start and 'vim.lsp.start' or 'vim.lsp.start_client', files = {} }
local TIMEOUT = 20000

-- Diagnostics by uri, from push (publishDiagnostics, Neovim < 0.11) or pull (textDocument/diagnostic,
-- which newer Neovim requests when the server offers diagnosticProvider): count = reports seen.
local published = {}
local function record(uri, diagnostics)
  local p = published[uri] or { count = 0, diagnostics = {} }
  p.count = p.count + 1
  if diagnostics then p.diagnostics = diagnostics end -- nil: an "unchanged" pull report
  published[uri] = p
end
local push = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
  if result then record(result.uri, result.diagnostics) end
  return push(err, result, ctx, config)
end
local pull = vim.lsp.handlers['textDocument/diagnostic']
if pull then
  vim.lsp.handlers['textDocument/diagnostic'] = function(err, result, ctx, config)
    if result and ctx and ctx.params and ctx.params.textDocument then
      record(ctx.params.textDocument.uri, result.kind == 'full' and result.items or nil)
    end
    return pull(err, result, ctx, config)
  end
end

local config = {
  name = 'seaworthy',
  cmd = { plan.node, plan.server, '--stdio' },
  root_dir = plan.workspace,
}
local client_id

local function attach(buf)
  if vim.lsp.start then
    client_id = vim.lsp.start(config, { bufnr = buf }) -- reuses the client for the same name and root
  else
    client_id = client_id or vim.lsp.start_client(config)
    vim.lsp.buf_attach_client(buf, client_id)
  end
  assert(client_id, 'the language server did not start')
end

local function wait_published(uri, after)
  local ok = vim.wait(TIMEOUT, function()
    return published[uri] ~= nil and published[uri].count > after
  end, 50)
  assert(ok, 'no publishDiagnostics for ' .. uri .. ' within ' .. TIMEOUT .. ' ms')
  return published[uri].diagnostics
end

local function run()
  for _, f in ipairs(plan.files) do
    local rec = { path = f.path }
    out.files[#out.files + 1] = rec
    vim.cmd('edit ' .. vim.fn.fnameescape(f.path))
    local buf = vim.api.nvim_get_current_buf()
    rec.filetype = vim.bo[buf].filetype
    local uri = vim.uri_from_bufnr(buf)
    attach(buf)
    local seen = published[uri] and published[uri].count or 0
    rec.diagnostics = wait_published(uri, seen)
    if f.action then
      local target
      for _, d in ipairs(rec.diagnostics) do
        if d.code == f.action.rule then target = d end
      end
      assert(target, 'no ' .. f.action.rule .. ' diagnostic to act on')
      local params = {
        textDocument = { uri = uri },
        range = target.range,
        context = { diagnostics = { target }, only = { 'quickfix' } },
      }
      local responses = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, TIMEOUT) or {}
      rec.actions = {}
      local chosen
      for _, resp in pairs(responses) do
        assert(not resp.err, 'codeAction failed: ' .. vim.inspect(resp.err))
        for _, a in ipairs(resp.result or {}) do
          rec.actions[#rec.actions + 1] = a.title
          if a.title == f.action.title then chosen = a end
        end
      end
      assert(chosen, 'no code action titled "' .. f.action.title .. '"')
      local before = published[uri].count
      vim.lsp.util.apply_workspace_edit(chosen.edit, 'utf-16')
      rec.text_after_action = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n') .. '\n'
      -- The change is sent to the server (didChange); its next diagnostics must drop the fixed one.
      local ok = vim.wait(TIMEOUT, function()
        if published[uri].count <= before then return false end
        for _, d in ipairs(published[uri].diagnostics) do
          if d.code == f.action.rule then return false end
        end
        return true
      end, 50)
      assert(ok, f.action.rule .. ' still reported after applying its fix')
      rec.diagnostics_after_action = published[uri].diagnostics
    end
  end
end

local ok, err = pcall(run)
if not ok then out.error = tostring(err) end
local client = client_id and vim.lsp.get_client_by_id(client_id)
if client then
  local caps = client.server_capabilities or {}
  out.capabilities = { codeAction = caps.codeActionProvider ~= nil, hover = caps.hoverProvider ~= nil }
  client:stop() -- method syntax: 0.11+ defines methods; 0.7's closures ignore the argument
  vim.wait(3000, function() return client:is_stopped() end, 50)
end
vim.fn.writefile({ vim.fn.json_encode(out) }, os.getenv('SW_OUT'))
vim.cmd('qa!')
