import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/compose/security-profile-disabled';

ruleTests(rule, {
  valid: ['services:\n  a:\n    image: x:1\n    security_opt:\n      - no-new-privileges:true\n      - seccomp:./profile.json\n      - apparmor:docker-default\n'],
  invalid: [
    {
      code: 'services:\n  a:\n    image: x:1\n    security_opt:\n      - seccomp:unconfined\n      - "apparmor=unconfined"\n      - label:disable\n      - no-new-privileges:false\n',
      errors: [
        { line: 5, text: 'seccomp:unconfined', message: /seccomp/ },
        { line: 6, text: '"apparmor=unconfined"', message: /AppArmor/ },
        { line: 7, text: 'label:disable', message: /SELinux/ },
        { line: 8, text: 'no-new-privileges:false', message: /setuid/ },
      ],
      output: null,
    },
  ],
});
