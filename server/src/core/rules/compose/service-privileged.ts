import { defineComposeRule } from '../../rule';
import { allServices } from '../../compose/facts';
import { isScalar } from '../../compose/query';

export default defineComposeRule({
  id: 'service-privileged',
  aliases: [],
  severity: 'warning',
  profile: 'recommended',
  fixable: 'never',
  docs: {
    summary: 'A service runs with `privileged: true`.',
    why: 'A privileged container gets every capability, every device and no seccomp or AppArmor confinement: root in it is root on the host. Most services that "need" it need one capability or one device.',
    bad: 'services:\n  agent:\n    image: example/agent:2.0\n    privileged: true\n',
    good: 'services:\n  agent:\n    image: example/agent:2.0\n    cap_add:\n      - NET_BIND_SERVICE\n',
    fix: 'Remove `privileged` and grant only what is needed: a capability with `cap_add`, a device with `devices`. There is no automatic fix — what the service needs is for you to decide.',
  },
  check(ctx) {
    for (const s of allServices(ctx.doc)) {
      const pair = s.node?.pair('privileged');
      if (!pair || !isScalar(pair.value) || pair.value.value !== true) continue;
      ctx.report({ span: pair.key, message: `Service "${s.name}" runs privileged: root in the container is root on the host. Grant specific capabilities (cap_add) or devices instead.` });
    }
  },
});
