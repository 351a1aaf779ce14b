import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/copy-relative-destination';

ruleTests(rule, {
  valid: [
    'COPY bla.sh /usr/local/bin/blubb.sh\n',
    'COPY bla.sh "/usr/local/bin/blubb.sh"\n',
    'COPY bla.sh c:\\system32\\blubb.sh\n',
    'COPY bla.sh "d:\\mypath\\blubb.sh"\n',
    'COPY bla.sh c:/system32/blubb.sh\n',
    'FROM scratch\nWORKDIR /usr\nCOPY bla.sh blubb.sh\n',
    'FROM scratch\nWORKDIR c:\\system32\nCOPY bla.sh blubb.sh\n',
    'COPY src.sh ${SRC_BASE_ENV}\n',
    'COPY src.sh "$SRC_BASE_ENV"\n',
    'FROM debian:buster as base\nWORKDIR /usr\nFROM debian:buster as stage-inbetween\nRUN foo\nFROM base\nCOPY foo bar\n',
    'FROM debian:buster as base1\nWORKDIR /usr\nFROM base1 as base2\nONBUILD RUN foo\nFROM base2\nCOPY foo bar\n',
    'FROM debian:buster\nONBUILD WORKDIR /usr/local/lib\nONBUILD COPY foo bar\n',
    'FROM a:1\nCOPY ["a", "/abs/b"]\n',
  ],
  invalid: [
    { code: 'COPY bla.sh blubb.sh\n', errors: [{ line: 1, text: 'blubb.sh' }], output: null },
    { code: 'COPY bla.sh "blubb.sh"\n', errors: [{ line: 1, text: '"blubb.sh"' }] },
    { code: 'FROM debian:buster as stage1\nWORKDIR /usr\nFROM debian:buster\nCOPY foo bar\n', errors: [{ line: 4, text: 'bar', message: /WORKDIR/ }] },
    { code: 'COPY a b\n', errors: [{ line: 1, text: 'b' }] },
    { name: 'WORKDIR after the COPY does not help', code: 'FROM a:1\nCOPY . .\nWORKDIR /app\n', errors: [{ line: 2, text: '.' }] },
  ],
});
