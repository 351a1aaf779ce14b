import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/compose/healthy-dependency-without-healthcheck';

const WEB = 'services:\n  web:\n    image: x:1\n    depends_on:\n      db:\n        condition: service_healthy\n';

ruleTests(rule, {
  valid: [
    WEB + '  db:\n    image: postgres:17\n    healthcheck:\n      test: ["CMD-SHELL", "pg_isready"]\n',
    // the Dockerfile the dependency builds defines a HEALTHCHECK
    { code: WEB + '  db:\n    build: ./db\n', files: { 'db/Dockerfile': 'FROM postgres:17\nHEALTHCHECK CMD pg_isready\n' } },
    // inherited from an earlier stage
    { code: WEB + '  db:\n    build:\n      context: db\n      target: final\n', files: { 'db/Dockerfile': 'FROM postgres:17 AS base\nHEALTHCHECK CMD pg_isready\nFROM base AS final\nRUN true\n' } },
    WEB.replace('service_healthy', 'service_started') + '  db:\n    image: postgres:17\n',
  ],
  invalid: [
    {
      name: 'image without a healthcheck in the file: warning',
      code: WEB + '  db:\n    image: postgres:17\n',
      errors: [{ line: 6, text: 'service_healthy', message: /unless its image defines one/ }],
      output: null,
    },
    {
      name: 'healthcheck disabled: error',
      code: WEB + '  db:\n    image: postgres:17\n    healthcheck:\n      disable: true\n',
      errors: [{ line: 6, text: 'service_healthy', message: /healthcheck is disabled/ }],
    },
    {
      name: 'built from a Dockerfile without HEALTHCHECK, on scratch',
      code: WEB + '  db:\n    build: ./db\n',
      files: { 'db/Dockerfile': 'FROM scratch\nCOPY db /db\n' },
      errors: [{ line: 6, text: 'service_healthy', message: /neither the compose file nor its Dockerfile/ }],
    },
  ],
});
