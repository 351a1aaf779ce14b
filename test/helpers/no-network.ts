// Preload (`node --require out/test/helpers/no-network.js`, or through NODE_OPTIONS) that makes every
// way Node reaches the network throw, and reports each attempt on stderr with a marker, so a test
// can run the CLI or the server under it and assert it never tried (even if the error was caught).
// Pipes and IPC (stdio, `--node-ipc`) do not go through these functions and keep working.
// `import x = require()`: the modules themselves, not namespace copies (whose properties cannot be redefined).
import net = require('node:net');
import http = require('node:http');
import https = require('node:https');
import tls = require('node:tls');
import dns = require('node:dns');
import dgram = require('node:dgram');

/** Also in test/integration/security.test.ts (importing this file would block the test's own process). */
const NETWORK_MARKER = 'SEAWORTHY-TEST-NETWORK-ATTEMPT';

function block(owner: object, name: string, label: string) {
  Object.defineProperty(owner, name, {
    configurable: true, writable: true,
    value: function blocked() {
      process.stderr.write(`${NETWORK_MARKER} ${label}\n`);
      throw new Error(`network access attempted: ${label}`);
    },
  });
}

block(net, 'connect', 'net.connect');
block(net, 'createConnection', 'net.createConnection');
block(net.Socket.prototype, 'connect', 'net.Socket#connect');
block(net, 'createServer', 'net.createServer');
for (const m of ['request', 'get'] as const) { block(http, m, `http.${m}`); block(https, m, `https.${m}`); }
block(tls, 'connect', 'tls.connect');
for (const m of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveTxt', 'resolveSrv', 'reverse'] as const) block(dns, m, `dns.${m}`);
for (const m of ['lookup', 'resolve', 'resolve4', 'resolve6'] as const) block(dns.promises, m, `dns.promises.${m}`);
block(dgram, 'createSocket', 'dgram.createSocket');
if (typeof globalThis.fetch === 'function') block(globalThis, 'fetch', 'fetch');
if (typeof (globalThis as { WebSocket?: unknown }).WebSocket === 'function') block(globalThis, 'WebSocket', 'WebSocket');
