import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/secret-file-copied';

ruleTests(rule, {
  valid: [
    'FROM a\nCOPY .env.example /app/\nCOPY certs/ca.pem /usr/local/share/ca-certificates/\nCOPY id_rsa.pub /root/.ssh/authorized_keys\n',
    'FROM a AS b\nFROM c\nCOPY --from=b /root/.npmrc /x\n',
    'FROM a\nCOPY package.json ./\n',
  ],
  invalid: [
    {
      code: 'FROM a\nCOPY .env .npmrc ./\nADD id_rsa /root/.ssh/\nCOPY ./config/server-key.pem /etc/ssl/\n',
      errors: [{ line: 2, text: '.env', message: /environment file/ }, { line: 2, text: '.npmrc' }, { line: 3, text: 'id_rsa', message: /SSH key/ }, { line: 4, text: './config/server-key.pem' }],
      output: null,
    },
    { code: 'FROM a\nCOPY .aws/credentials .kube/config .git-credentials .netrc /root/\nCOPY .ssh /root/.ssh\n', errors: [{ line: 2 }, { line: 2 }, { line: 2 }, { line: 2 }, { line: 3, text: '.ssh' }] },
  ],
});
