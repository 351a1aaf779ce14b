import { defineComposeRule } from '../../rule';
import { allServices, mounts } from '../../compose/facts';

const SOCKETS = /^(?:\/\/?var\/run\/docker\.sock|\/run\/docker\.sock|\/var\/run\/docker\.sock|\\\\\.\\pipe\\docker_engine|\/\/\.\/pipe\/docker_engine)$/;

export default defineComposeRule({
  id: 'docker-socket-mounted',
  aliases: [],
  severity: 'warning',
  profile: 'recommended',
  fixable: 'never',
  docs: {
    summary: 'A service mounts the Docker socket (`/var/run/docker.sock`).',
    why: 'Whoever can talk to the Docker socket can start a privileged container that mounts the host\'s root filesystem: the service (and anyone who compromises it) is root on the host. Mounting it read-only does not help — the API is still fully usable.',
    bad: 'services:\n  ci-runner:\n    image: example/runner:5.0\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n',
    good: 'services:\n  ci-runner:\n    image: example/runner:5.0\n    environment:\n      DOCKER_HOST: tcp://docker-proxy:2375\n  docker-proxy:\n    image: tecnativa/docker-socket-proxy:0.3\n    environment:\n      CONTAINERS: 1\n',
    fix: 'Avoid it, or put a filtering proxy (such as docker-socket-proxy) in front of the socket that allows only the API calls the service needs. Reverse proxies that discover containers can often use a read-only proxy.',
  },
  check(ctx) {
    for (const s of allServices(ctx.doc)) {
      for (const m of mounts(s.node)) {
        if (m.type !== 'bind' && m.long) continue;
        if (!m.source || !m.sourceSpan || !SOCKETS.test(m.source)) continue;
        ctx.report({ span: m.sourceSpan, message: `Service "${s.name}" mounts the Docker socket: it can start privileged containers, i.e. it is root on the host${m.readOnly ? ' (":ro" does not limit the API)' : ''}. Use a filtering socket proxy or avoid it.` });
      }
    }
  },
});
