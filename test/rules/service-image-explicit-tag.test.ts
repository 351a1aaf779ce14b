import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/compose/service-image-explicit-tag';

ruleTests(rule, {
  valid: [
    'services:\n  a:\n    image: nginx:1.21.0\n  b:\n    image: my_private.registry:5000/nginx:1.21.0\n  c:\n    image: nginx@sha256:0ed5d5928d4737458944eb604cc8509e245c3e19d02ad83935398bc4b991aac7\n',
    // build + image: image names the build result
    'services:\n  api:\n    build: .\n    image: registry.example.com/api\n',
    'services:\n  a:\n    image: ${IMAGE}\n  b:\n    image: nginx:${TAG:-1.27}\n',
  ],
  invalid: [
    {
      name: 'untagged, with registry port, with library/ and docker.io prefixes',
      code: 'services:\n  a:\n    image: nginx\n  b:\n    image: library/nginx\n  c:\n    image: docker.io/library/nginx\n  d:\n    image: my_private.registry:5000/nginx\n',
      errors: [
        { line: 3, text: 'nginx', message: /has no tag, so it means "latest"/ },
        { line: 5, text: 'library/nginx' },
        { line: 7, text: 'docker.io/library/nginx' },
        { line: 9, text: 'my_private.registry:5000/nginx' },
      ],
      output: null,
    },
    {
      name: 'moving tags, reported at the tag',
      code: 'services:\n  a:\n    image: nginx:latest\n  b:\n    image: "library/nginx:stable"\n  c:\n    image: example/app:nightly\n',
      errors: [{ line: 3, text: 'latest', message: /moving tag "latest"/ }, { line: 5, text: 'stable' }, { line: 7, text: 'nightly' }],
      output: null,
    },
    {
      name: 'the fix reuses a version tag of the same image from elsewhere in the file',
      code: 'services:\n  web:\n    image: nginx:1.27-alpine\n  admin:\n    image: docker.io/library/nginx\n  edge:\n    image: nginx:latest\n',
      errors: [{ line: 5, text: 'docker.io/library/nginx' }, { line: 7, text: 'latest' }],
      output: 'services:\n  web:\n    image: nginx:1.27-alpine\n  admin:\n    image: docker.io/library/nginx:1.27-alpine\n  edge:\n    image: nginx:1.27-alpine\n',
    },
  ],
});
