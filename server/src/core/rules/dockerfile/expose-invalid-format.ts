import { defineDockerfileRule } from '../../rule';

/** `[ip:]hostPort:containerPort[/proto]` split the way Docker does (the last two `:` parts are the ports). */
function splitPort(spec: string): { ip: string; host: string; container: string } {
  const parts = spec.split(':');
  if (parts.length === 1) return { ip: '', host: '', container: parts[0] };
  if (parts.length === 2) return { ip: '', host: parts[0], container: parts[1] };
  return { ip: parts.slice(0, -2).join(':'), host: parts[parts.length - 2], container: parts[parts.length - 1] };
}

export default defineDockerfileRule({
  id: 'expose-invalid-format',
  aliases: ['ExposeInvalidFormat'],
  severity: 'warning',
  profile: 'recommended',
  fixable: 'sometimes',
  docs: {
    summary: 'EXPOSE contains an IP address or a host port (`8080:80`, `127.0.0.1:80:80`).',
    why: 'EXPOSE only documents which container ports the image listens on; host ports and addresses are chosen when the container is run (`-p`, Compose `ports:`). Docker ignores them here, so the line promises a mapping that never happens.',
    bad: 'FROM nginx:1.27\nEXPOSE 8080:80\n',
    good: 'FROM nginx:1.27\nEXPOSE 80\n',
    fix: 'The safe fix keeps only the container port (and protocol), which is all Docker records; publish the host side with `docker run -p 8080:80` or Compose `ports:`.',
  },
  handlers: {
    EXPOSE(i, ctx) {
      for (const w of i.words) {
        if (!w.value.includes(':')) continue; // a port alone: nothing to split
        const { ip, host, container } = splitPort(w.value);
        if (!ip && !host) continue;
        ctx.report({
          span: { start: w.start, end: w.end },
          message: `EXPOSE takes container ports only: "${w.value}" ${ip ? 'names an address and a host port' : 'maps a host port'}, which Docker ignores here. Write "${container}" and publish the port when running the container.`,
          // `EXPOSE 80:` has no container port to keep: no fix rather than an empty EXPOSE.
          fix: container.trim() ? { title: `Keep the container port "${container}"`, safe: true, edits: [{ start: w.start, end: w.end, newText: container }] } : undefined,
        });
      }
    },
  },
});
