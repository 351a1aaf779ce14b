import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/add-url-without-checksum';

ruleTests(rule, {
  valid: [
    'FROM a\nADD --checksum=sha256:abc https://example.com/f /f\n',
    'FROM a\nADD git@github.com:moby/buildkit.git /src\n',
    'FROM a\nADD https://github.com/moby/buildkit.git#v0.10.1 /src\n',
    'FROM a\nADD rootfs.tar.gz /\n',
  ],
  invalid: [
    { code: 'FROM a\nADD https://example.com/tool /usr/local/bin/tool\n', errors: [{ line: 2, text: 'https://example.com/tool', message: /--checksum/ }], output: null },
    { code: 'FROM a\nARG V=1\nADD ["https://x/${V}/a.tgz", "/tmp/"]\n', errors: [{ line: 3, text: '"https://x/${V}/a.tgz"' }] },
  ],
});
