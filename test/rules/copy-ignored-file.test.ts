import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/copy-ignored-file';

const ignore = (text: string) => ({ '.dockerignore': text });

ruleTests(rule, {
  valid: [
    { name: 'inline check=skip', code: '\nFROM scratch\n# check=skip=CopyIgnoredFile\nCOPY Dockerfile .\n', files: ignore('Dockerfile\n') },
    { name: 'destination is not checked; COPY --from is not the context', code: 'FROM scratch AS base\nCOPY Dockerfile /foobar\nFROM base\nCOPY --from=base /foobar /Dockerfile\n', files: ignore('\nfoobar\n') },
    { name: 'exceptions make BuildKit (and us) stay quiet', code: 'FROM scratch\nCOPY ./Dockerfile .\n', files: ignore('\n**\n!Dockerfile\n') },
    { name: '.* leaves the context itself alone', code: 'FROM scratch\nCOPY . .\n', files: ignore('\n.*\n') },
    { name: 'Decision: BuildKit docs example; */tmp/* only matches one level down', code: 'FROM scratch\nCOPY ./tmp/helloworld.txt /helloworld.txt\n', files: ignore('*/tmp/*\n') },
    { code: 'FROM scratch\nCOPY ./forever/helloworld.txt /helloworld.txt\n', files: ignore('*/tmp/*\n') },
    { name: 'no ignore file', code: 'FROM scratch\nCOPY Dockerfile .\n' },
    { name: 'remote sources', code: 'FROM scratch\nADD https://example.com/Dockerfile /x\n', files: ignore('*\n') },
  ],
  invalid: [
    {
      name: 'BuildKit CopyIgnoredFile-1',
      code: '\nFROM scratch\nCOPY Dockerfile .\nADD Dockerfile /windy\n',
      files: ignore('\nDockerfile\n'),
      errors: [{ line: 3, text: 'Dockerfile', message: /line 2/ }, { line: 4, text: 'Dockerfile' }],
      output: null,
    },
    { code: '\nFROM scratch\nCOPY . .\n', files: ignore('\n*\n'), errors: [{ line: 3, text: '.', message: /whole build context/ }] },
    { name: 'parent directory excluded', code: 'FROM a\nCOPY src/app/main.go /src/\n', files: ignore('src/app\n'), errors: [{ line: 2, text: 'src/app/main.go' }] },
    { name: '** and variables', code: 'FROM a\nARG F=x/y/z.log\nCOPY $F /logs/\n', files: ignore('**/*.log\n'), errors: [{ line: 3, text: '$F' }] },
    { name: '<Dockerfile>.dockerignore wins', path: 'Dockerfile', code: 'FROM a\nCOPY a.txt b.txt /x/\n', files: { 'Dockerfile.dockerignore': 'a.txt\n', '.dockerignore': 'b.txt\n' }, errors: [{ line: 2, text: 'a.txt', message: /Dockerfile\.dockerignore/ }] },
  ],
});
