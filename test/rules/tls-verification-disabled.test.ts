import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/tls-verification-disabled';

ruleTests(rule, {
  valid: [
    'FROM debian\nRUN curl -fsSL https://x -o /tmp/x && wget -q https://y\n',
    'FROM debian\nRUN echo "curl -k is bad" && grep -- --insecure notes.txt\n',
    'FROM debian\nENV NODE_TLS_REJECT_UNAUTHORIZED=1 PYTHONHTTPSVERIFY=1\nARG GIT_SSL_NO_VERIFY\n',
    'FROM node\nRUN npm config set strict-ssl true\n',
    'FROM debian\nRUN curl -o out -K config https://x\n',
  ],
  invalid: [
    // Found by the fuzzer (seed 2012): removing a bare assignment left `RUN` with nothing to run.
    { name: 'a RUN holding only the assignment goes whole', code: 'FROM node\nRUN NODE_TLS_REJECT_UNAUTHORIZED=0\nCMD ["node"]\n', errors: [{ line: 2, text: 'NODE_TLS_REJECT_UNAUTHORIZED=0' }], output: 'FROM node\nCMD ["node"]\n' },
    { name: 'one of several bare assignments goes alone', code: 'FROM node\nRUN NODE_TLS_REJECT_UNAUTHORIZED=0 A=1\n', errors: [{ line: 2, text: 'NODE_TLS_REJECT_UNAUTHORIZED=0' }], output: 'FROM node\nRUN  A=1\n' },
    { name: 'a bare assignment before && has no fix (`&& x` would remain)', code: 'FROM node\nRUN NODE_TLS_REJECT_UNAUTHORIZED=0 && node x.js\n', errors: [{ line: 2, text: 'NODE_TLS_REJECT_UNAUTHORIZED=0' }], output: null },
    {
      code: 'FROM debian\nRUN curl -fsSLk https://x -o /tmp/x\n',
      errors: [{ line: 2, text: '-fsSLk', message: /curl -k/ }],
      output: 'FROM debian\nRUN curl -fsSL https://x -o /tmp/x\n',
    },
    {
      code: 'FROM debian\nRUN sudo curl --insecure https://x | tar x && wget --no-check-certificate -q https://y\n',
      errors: [{ line: 2, text: '--insecure' }, { line: 2, text: '--no-check-certificate' }],
      output: 'FROM debian\nRUN sudo curl https://x | tar x && wget -q https://y\n',
    },
    {
      code: 'FROM python\nRUN python3 -m pip install --trusted-host pypi.internal -r req.txt\n',
      errors: [{ line: 2, text: '--trusted-host' }],
      output: 'FROM python\nRUN python3 -m pip install -r req.txt\n',
    },
    {
      code: 'FROM node\nENV NODE_TLS_REJECT_UNAUTHORIZED=0\nENV A=1 GIT_SSL_NO_VERIFY=true\n',
      errors: [{ line: 2, text: 'NODE_TLS_REJECT_UNAUTHORIZED=0' }, { line: 3, text: 'GIT_SSL_NO_VERIFY=true' }],
      output: 'FROM node\nENV A=1\n',
    },
    {
      code: 'FROM python\nARG PYTHONHTTPSVERIFY=0\nRUN NODE_TLS_REJECT_UNAUTHORIZED=0 node x.js && export npm_config_strict_ssl=false\n',
      errors: [{ line: 2, text: 'PYTHONHTTPSVERIFY=0' }, { line: 3, text: 'NODE_TLS_REJECT_UNAUTHORIZED=0' }, { line: 3, text: 'npm_config_strict_ssl=false' }],
    },
    {
      code: 'FROM node\nRUN npm config set strict-ssl false && yarn config set strict-ssl false && pnpm --strict-ssl=false install\n',
      errors: [{ line: 2, text: 'strict-ssl' }, { line: 2, text: 'strict-ssl' }, { line: 2, text: '--strict-ssl=false' }],
    },
    {
      code: 'FROM alpine\nRUN git config --global http.sslVerify false && git -c http.sslverify=false clone https://x\n',
      errors: [{ line: 2, text: 'http.sslVerify' }, { line: 2, text: 'http.sslverify=false' }],
    },
    { code: 'FROM fedora\nRUN dnf config-manager --setopt=myrepo.sslverify=0 --save\n', errors: [{ line: 2, text: '--setopt=myrepo.sslverify=0' }] },
    { name: 'inside sh -c', code: "FROM debian\nRUN sh -c 'curl -k https://x'\n", errors: [{ line: 2, text: '-k' }] },
  ],
});
