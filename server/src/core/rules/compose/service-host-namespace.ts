import { defineComposeRule } from '../../rule';
import { allServices } from '../../compose/facts';
import { isScalar, scalarString } from '../../compose/query';

const WHAT: Record<string, string> = {
  pid: 'sees and can signal every process on the host',
  ipc: 'shares the host\'s shared memory and semaphores',
  uts: 'can change the host\'s hostname',
  userns_mode: 'opts out of user-namespace remapping (root in it is root on the host)',
  cgroup: 'sees the host\'s cgroup hierarchy',
};

export default defineComposeRule({
  id: 'service-host-namespace',
  aliases: [],
  severity: 'warning',
  profile: 'recommended',
  fixable: 'never',
  docs: {
    summary: 'A service shares a host namespace: `pid: host`, `ipc: host`, `uts: host`, `userns_mode: host` or `cgroup: host`.',
    why: 'Namespaces are what keep a container from seeing the host. With `pid: host` it can see (and with enough privilege, trace or kill) every host process; `ipc: host` exposes host shared memory; the others widen the blast radius of a compromise the same way.',
    bad: 'services:\n  monitor:\n    image: example/monitor:3.1\n    pid: host\n',
    good: 'services:\n  monitor:\n    image: example/monitor:3.1\n',
    fix: 'Remove the setting unless the service is a host-level tool that truly needs it (and then document why with a `# seaworthy-ignore service-host-namespace -- reason` comment).',
  },
  check(ctx) {
    for (const s of allServices(ctx.doc)) {
      for (const key of Object.keys(WHAT)) {
        const v = s.node?.get(key);
        if (!isScalar(v) || scalarString(v) !== 'host') continue;
        ctx.report({ span: v, message: `Service "${s.name}" uses ${key}: host, so it ${WHAT[key]}. Remove it unless this is a host-level tool.` });
      }
    }
  },
});
