import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/package-verification-disabled';

ruleTests(rule, {
  valid: [
    'FROM alpine\nRUN apk add --no-cache curl\n',
    'FROM debian\nRUN apt-get install -y --no-install-recommends curl\n',
    'FROM fedora\nRUN dnf install -y curl && rpm -qa\n',
    'FROM debian\nRUN echo --allow-untrusted\n',
  ],
  invalid: [
    {
      code: 'FROM alpine\nRUN apk add --no-cache --allow-untrusted ./tool.apk\n',
      errors: [{ line: 2, text: '--allow-untrusted', message: /signatures/ }],
      output: 'FROM alpine\nRUN apk add --no-cache ./tool.apk\n',
    },
    {
      code: 'FROM debian\nRUN apt-get install -y --allow-unauthenticated --force-yes -o APT::Get::AllowUnauthenticated=true x\n',
      errors: [{ line: 2, text: '--allow-unauthenticated' }, { line: 2, text: '--force-yes' }, { line: 2, text: 'APT::Get::AllowUnauthenticated=true' }],
      output: 'FROM debian\nRUN apt-get install -y x\n',
    },
    { code: 'FROM fedora\nRUN yum install --nogpgcheck -y x && rpm -i --nosignature y.rpm && zypper --no-gpg-checks in z\n', errors: [{ line: 2, text: '--nogpgcheck' }, { line: 2, text: '--nosignature' }, { line: 2, text: '--no-gpg-checks' }] },
  ],
});
