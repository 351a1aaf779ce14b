import { ruleTests } from '../helpers/rule-tester';
import maintainer from '../../server/src/core/rules/dockerfile/maintainer-deprecated';
import addInsteadOfCopy from '../../server/src/core/rules/dockerfile/add-instead-of-copy';
import workdirRelative from '../../server/src/core/rules/dockerfile/workdir-relative';
import userRoot from '../../server/src/core/rules/dockerfile/user-root';
import shellForm from '../../server/src/core/rules/dockerfile/shell-form-command';

ruleTests(maintainer, {
  valid: ['FROM debian:12\nLABEL maintainer="x"\n'],
  invalid: [
    {
      code: 'FROM debian:12\nMAINTAINER Jane "JD" Doe <jane@example.com>\n',
      errors: [{ line: 2, text: 'MAINTAINER' }],
      output: 'FROM debian:12\nLABEL org.opencontainers.image.authors="Jane \\"JD\\" Doe <jane@example.com>"\n',
    },
    // Found by the fuzzer: a comment line inside the continuation would be lost by the one-line LABEL.
    { code: 'FROM debian:12\nMAINTAINER \\\n# owner\nJane\n', errors: [{ line: 2, text: 'MAINTAINER' }], output: null },
  ],
});

ruleTests(addInsteadOfCopy, {
  valid: [
    'FROM a:1\nADD https://example.com/x.tgz /tmp/\n',
    'FROM a:1\nADD rootfs.tar.gz /\n',
    'FROM a:1\nADD --checksum=sha256:abc https://example.com/f /f\n',
    'FROM a:1\nADD git@github.com:moby/buildkit.git /src\n',
    'FROM a:1\nCOPY . /app\n',
  ],
  invalid: [
    { code: 'FROM a:1\nADD . /app\n', errors: [{ line: 2, text: 'ADD' }], output: 'FROM a:1\nCOPY . /app\n' },
    { code: 'FROM a:1\nadd --chown=1000 ["a b", "/app/"]\n', errors: [{ line: 2, text: 'add' }], output: 'FROM a:1\ncopy --chown=1000 ["a b", "/app/"]\n' },
  ],
});

ruleTests(workdirRelative, {
  valid: ['FROM a:1\nWORKDIR /app\n', 'FROM a:1\nWORKDIR $HOME\n', 'FROM a:1\nWORKDIR C:\\\\app\n', 'ARG D=/srv\nFROM a:1\nARG D\nWORKDIR ${D}\n'],
  invalid: [
    { code: 'FROM a:1\nWORKDIR app\n', errors: [{ line: 2, text: 'app', message: /base image/ }], output: 'FROM a:1\nWORKDIR /app\n' },
    { code: 'FROM a:1\nWORKDIR /srv\nWORKDIR ../app/./x\n', errors: [{ line: 3, text: '../app/./x', message: /resolves to "\/app\/x"/ }], output: 'FROM a:1\nWORKDIR /srv\nWORKDIR /app/x\n' },
    {
      name: 'the WORKDIR a stage inherits through a chain of stages',
      code: 'FROM a:1 AS a\nWORKDIR /srv\nFROM a AS b\nWORKDIR x\nFROM b AS c\nFROM c\nWORKDIR y\nFROM a:1\nWORKDIR z\n',
      errors: [{ line: 4, message: /resolves to "\/srv\/x"/ }, { line: 7, message: /resolves to "\/srv\/x\/y"/ }, { line: 9, message: /base image/ }],
    },
  ],
});

ruleTests(userRoot, {
  valid: [
    'FROM a:1\nUSER app\n',
    'FROM a:1\nUSER root\nRUN x\nUSER 1000\n',
    'FROM a:1 AS b\nUSER root\nRUN x\nUSER app\nFROM a:1\nUSER app\n',
    'FROM a:1\n',
  ],
  invalid: [
    { code: 'FROM a:1\nUSER app\nUSER root\n', errors: [{ line: 3, text: 'root' }], output: null },
    { code: 'FROM a:1\nUSER 0:0\n', errors: [{ line: 2, text: '0:0' }] },
    { code: 'FROM a:1 AS base\nUSER root\nFROM base\nRUN x\n', errors: [{ line: 2, text: 'root' }] },
  ],
});

ruleTests(shellForm, {
  valid: ['FROM a:1\nCMD ["node", "app.js"]\n', 'FROM a:1\nSHELL ["/bin/bash", "-c"]\nCMD node app.js\n', 'FROM a:1\nENTRYPOINT []\n'],
  invalid: [
    { code: 'FROM a:1\nCMD node server.js --port 80\n', errors: [{ line: 2, text: 'CMD' }], output: 'FROM a:1\nCMD ["node", "server.js", "--port", "80"]\n' },
    { code: 'FROM a:1\nENTRYPOINT "my app" \'x\'\n', errors: [{ line: 2, text: 'ENTRYPOINT' }], output: 'FROM a:1\nENTRYPOINT ["my app", "x"]\n' },
    { code: 'FROM a:1\nCMD node app.js && echo "done"\n', errors: [{ line: 2 }], output: 'FROM a:1\nCMD ["/bin/sh", "-c", "exec node app.js && echo \\"done\\""]\n' },
    { code: 'FROM a:1\nCMD python \\\n  app.py\n', errors: [{ line: 2 }], output: 'FROM a:1\nCMD ["python", "app.py"]\n' },
  ],
});
