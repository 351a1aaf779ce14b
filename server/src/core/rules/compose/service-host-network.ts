import { defineComposeRule } from '../../rule';
import { allServices } from '../../compose/facts';
import { isScalar, scalarString } from '../../compose/query';

export default defineComposeRule({
  id: 'service-host-network',
  aliases: [],
  severity: 'warning',
  profile: 'recommended',
  fixable: 'never',
  docs: {
    summary: 'A service uses the host\'s network stack (`network_mode: host`).',
    why: 'With host networking the container\'s ports are the host\'s ports: every port it listens on is exposed on every interface (ignoring `ports:`), it can reach services bound to localhost on the host, and it loses network isolation from other containers.',
    bad: 'services:\n  api:\n    image: example/api:1.4\n    network_mode: host\n',
    good: 'services:\n  api:\n    image: example/api:1.4\n    ports:\n      - "127.0.0.1:8080:8080"\n',
    fix: 'Use the default bridge network and publish only the ports that must be reachable (bound to `127.0.0.1` when only the host needs them).',
  },
  check(ctx) {
    for (const s of allServices(ctx.doc)) {
      const v = s.node?.get('network_mode');
      if (!isScalar(v) || scalarString(v) !== 'host') continue;
      ctx.report({ span: v, message: `Service "${s.name}" shares the host's network stack: every port it opens is exposed and isolation is lost. Publish specific ports instead.` });
    }
  },
});
