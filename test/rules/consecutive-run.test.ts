import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/consecutive-run';

ruleTests(rule, {
  valid: [
    'FROM debian:10\n',
    'RUN /foo.sh\n',
    'RUN /foo.sh\nWORKDIR /\nRUN /bar.sh\n',
    '# a comment\nRUN /foo.sh\n',
    'RUN --mount=type=secret,id=foo /foo.sh\nRUN /bar.sh\n',
    'RUN --mount=type=secret,id=foo /foo.sh\nRUN --mount=type=secret,id=bar /bar.sh\n',
    'RUN foo && bar\nRUN foobar\n',
    'RUN foo; bar\nRUN foobar\n',
    'RUN foobar\nRUN foo && bar\n',
    'RUN foo && bar\nRUN foo; bar\n',
    'FROM a:1\nRUN a\nFROM a:1\nRUN b\n',
    { name: 'an ONBUILD in between breaks the sequence', code: 'FROM a:1\nRUN a\nONBUILD RUN b\nRUN c\n' },
  ],
  invalid: [
    { code: 'RUN /foo.sh\nRUN /bar.sh\n', errors: [{ line: 2, text: 'RUN' }], output: 'RUN /foo.sh && \\\n    /bar.sh\n' },
    { name: 'comments between are kept inside the continuation', code: 'RUN /foo.sh\n# a comment\n# another comment\nRUN /bar.sh\n', errors: [{ line: 4, text: 'RUN' }], output: 'RUN /foo.sh && \\\n# a comment\n# another comment\n    /bar.sh\n' },
    { name: 'blank lines between are dropped (no empty continuation lines)', code: 'FROM a:1\nRUN apt-get update\n\nRUN apt-get install -y curl\n', errors: [{ line: 4 }], output: 'FROM a:1\nRUN apt-get update && \\\n    apt-get install -y curl\n' },
    { name: 'equal flags still count; no fix with flags', code: 'RUN --mount=type=secret,id=foo /foo.sh\nRUN --mount=type=secret,id=foo /bar.sh\n', errors: [{ line: 2 }], output: null },
    { code: 'RUN foo && bar\nRUN foo\nRUN bar\n', errors: [{ line: 3 }], output: 'RUN foo && bar\nRUN foo && \\\n    bar\n' },
    { name: 'three in a row merge at once', code: 'FROM a:1\nRUN a\nRUN b\nRUN c\n', errors: [{ line: 3 }, { line: 4 }], output: 'FROM a:1\nRUN a && \\\n    b && \\\n    c\n' },
    { name: 'first command changes shell state: no fix', code: 'FROM a:1\nRUN cd /src\nRUN make\n', errors: [{ line: 3 }], output: null },
    { name: 'first RUN ends with a shell comment: no fix', code: 'FROM a:1\nRUN make # build\nRUN make install\n', errors: [{ line: 3 }], output: null },
    { name: 'custom SHELL: no fix', code: 'FROM a:1\nSHELL ["pwsh", "-c"]\nRUN a\nRUN b\n', errors: [{ line: 4 }], output: null },
    { name: 'escape directive', code: '# escape=`\nFROM a:1\nRUN a\nRUN b\n', errors: [{ line: 4 }], output: '# escape=`\nFROM a:1\nRUN a && `\n    b\n' },
  ],
});
