import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/copy-archive-then-extract';

ruleTests(rule, {
  valid: [
    'COPY packaged-app.tar /usr/src/app\nFROM debian:11 as newstage\n',
    'COPY package.json /usr/src/app\n',
    'COPY --from=builder /usr/local/share/some.tar /opt/some.tar\nRUN tar -xf /opt/some.tar\n',
    { name: 'extracted in another stage', code: 'FROM a:1\nCOPY app.tar /\nFROM a:1\nRUN tar -xf /app.tar\n' },
    { name: 'tar listing, not extracting', code: 'FROM a:1\nCOPY app.tar /\nRUN tar -tf /app.tar\n' },
    { name: 'a plain .gz is not a tarball: ADD would not unpack it (hadolint reports it)', code: 'FROM a:1\nCOPY data.gz /\nRUN gunzip /data.gz\n' },
  ],
  invalid: [
    { code: 'COPY packaged-app.tar /usr/src/app\nRUN tar -xf /usr/src/app/packaged-app.tar\n', errors: [{ line: 1, text: 'packaged-app.tar', message: /line 2/ }], output: null },
    { code: 'COPY packaged-app.tar /usr/src/app\nWORKDIR /usr/src/app\nRUN foo bar && echo something && tar -xf packaged-app.tar\n', errors: [{ line: 1, text: 'packaged-app.tar' }] },
    { name: 'archive named by the destination', code: 'COPY foo/bar/packaged-app.tar /foo.tar\nRUN tar -xf /foo.tar\n', errors: [{ line: 1, text: 'foo/bar/packaged-app.tar' }] },
    { name: 'windows paths', code: 'COPY build\\foo\\bar.tar.gz "C:\\Program Files\\Foo"\nRUN tar -xf "C:\\Program Files\\Foo\\bar.tar.gz"\n', errors: [{ line: 1, text: 'build\\foo\\bar.tar.gz' }] },
    { name: 'old-style tar keys and gunzip', code: 'FROM a:1\nCOPY a.tgz b.tar.xz /tmp/\nRUN tar xzf /tmp/a.tgz && unxz /tmp/b.tar.xz\n', errors: [{ line: 2, text: 'a.tgz' }, { line: 2, text: 'b.tar.xz' }] },
  ],
});
