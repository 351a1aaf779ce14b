import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/overridden-instruction';

ruleTests(rule, {
  valid: [
    'FROM scratch\nHEALTHCHECK CMD /bin/bla\n',
    'FROM scratch\nHEALTHCHECK CMD /bin/bla1\nFROM scratch\nHEALTHCHECK CMD /bin/bla2\n',
    'FROM debian as distro1\nCMD bash\nRUN foo\nFROM debian as distro2\nCMD another\n',
    'FROM scratch AS a\nENTRYPOINT ["/a"]\nCMD ["/a"]\nFROM a AS b\nENTRYPOINT ["/b"]\nCMD ["/b"]\n',
    { name: 'HEALTHCHECK CMD is not a CMD', code: 'FROM python:alpine\nHEALTHCHECK --interval=1s \\\n  CMD ["curl", "-f", "http://localhost:8080"]\nCMD ["python", "-m", "http.server"]\n' },
    { name: 'ONBUILD triggers are not counted', code: 'FROM a:1\nONBUILD CMD ["x"]\nCMD ["y"]\n' },
  ],
  invalid: [
    {
      name: 'reports the overridden (earlier) instruction, like BuildKit; hadolint reports the later one',
      code: 'FROM debian\nCMD bash\nRUN foo\nCMD another\n',
      errors: [{ line: 2, text: 'CMD', message: /line 4 replaces it/ }],
      output: 'FROM debian\nRUN foo\nCMD another\n',
    },
    {
      code: 'FROM scratch\nENTRYPOINT ["/myapp"]\nENTRYPOINT ["/myotherapp"]\nCMD ["/myapp"]\nCMD ["/myotherapp"]\nHEALTHCHECK CMD ["/myapp"]\nHEALTHCHECK CMD ["/myotherapp"]\n',
      errors: [{ line: 2, text: 'ENTRYPOINT' }, { line: 4, text: 'CMD' }, { line: 6, text: 'HEALTHCHECK' }],
      output: 'FROM scratch\nENTRYPOINT ["/myotherapp"]\nCMD ["/myotherapp"]\nHEALTHCHECK CMD ["/myotherapp"]\n',
    },
    {
      name: 'comments around the removed instruction stay; multi-line instruction removed whole',
      code: 'FROM a:1\n# old entry\nENTRYPOINT ["a", \\\n  "b"]\nENTRYPOINT ["c"]\n',
      errors: [{ line: 3, text: 'ENTRYPOINT' }],
      output: 'FROM a:1\n# old entry\nENTRYPOINT ["c"]\n',
    },
    // Found by the fuzzer (seed 2015): Docker reads a `#` after a no-break space as a comment line too.
    { name: 'comment indented with U+00A0 inside the instruction: no fix', code: 'FROM a:1\nCMD ["a", \\\n\u00a0# x\n  "b"]\nCMD ["c"]\n', errors: [{ line: 2, text: 'CMD' }], output: null },
    { name: 'comment inside the instruction: no fix', code: 'FROM a:1\nCMD ["a", \\\n# x\n  "b"]\nCMD ["c"]\n', errors: [{ line: 2, text: 'CMD' }], output: null },
  ],
});

// Each finding carries only the peer ids of its own instruction.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../server/src/core/engine';

test('overridden-instruction narrows aliases per instruction', () => {
  const { findings } = lint({ text: 'FROM a:1\nCMD ["a"]\nCMD ["b"]\nENTRYPOINT ["a"]\nENTRYPOINT ["b"]\nHEALTHCHECK NONE\nHEALTHCHECK NONE\n', kind: 'dockerfile', rules: [rule] });
  assert.deepEqual(findings.filter((f) => f.rule === rule.id).map((f) => f.aliases), [
    ['MultipleInstructionsDisallowed', 'DL4003'],
    ['MultipleInstructionsDisallowed', 'DL4004'],
    ['MultipleInstructionsDisallowed', 'DL3012'],
  ]);
});
