import { defineComposeRule } from '../../rule';
import { allServices, stringItems } from '../../compose/facts';
import { own } from '../../own';

const DANGEROUS: Record<string, string> = {
  ALL: 'every capability (close to privileged)',
  SYS_ADMIN: 'mount filesystems, change namespaces and much more ("the new root")',
  NET_ADMIN: 'reconfigure interfaces, routes and firewall rules',
  SYS_PTRACE: 'trace and inspect other processes',
  SYS_MODULE: 'load kernel modules',
  SYS_RAWIO: 'raw access to devices and I/O ports',
  SYS_BOOT: 'reboot the host',
  SYS_TIME: 'change the host clock',
  DAC_READ_SEARCH: 'bypass file read permissions (and open files by handle outside the container)',
  BPF: 'load eBPF programs into the kernel',
  PERFMON: 'use kernel performance monitoring',
  MAC_ADMIN: 'change mandatory access control (AppArmor/SELinux) policy',
  MAC_OVERRIDE: 'override mandatory access control',
  LINUX_IMMUTABLE: 'change immutable and append-only file flags',
  SYSLOG: 'read and clear the kernel log',
};

export default defineComposeRule({
  id: 'dangerous-capability',
  aliases: [],
  severity: 'warning',
  profile: 'recommended',
  fixable: 'never',
  docs: {
    summary: 'A service adds a dangerous Linux capability (`ALL`, `SYS_ADMIN`, `NET_ADMIN`, `SYS_PTRACE`, `SYS_MODULE`, …).',
    why: 'These capabilities break the container boundary: SYS_ADMIN alone allows most container escapes, SYS_MODULE loads kernel code, SYS_PTRACE reads other processes\' memory, NET_ADMIN rewrites the network. A compromised service keeps whatever you grant it.',
    bad: 'services:\n  vpn:\n    image: example/vpn:1.9\n    cap_add:\n      - SYS_ADMIN\n',
    good: 'services:\n  vpn:\n    image: example/vpn:1.9\n    cap_add:\n      - NET_BIND_SERVICE\n',
    fix: 'Grant the narrowest capability that works (and drop the rest with `cap_drop: [ALL]`). Where one is truly needed (a VPN needs NET_ADMIN), keep it and say why in a `# seaworthy-ignore dangerous-capability -- reason` comment.',
  },
  check(ctx) {
    for (const s of allServices(ctx.doc)) {
      for (const c of stringItems(s.node?.get('cap_add'))) {
        const name = c.value.toUpperCase().replace(/^CAP_/, '');
        const what = own(DANGEROUS, name);
        if (!what) continue;
        ctx.report({ span: c.node, message: `Service "${s.name}" adds ${name === 'ALL' ? 'ALL capabilities' : `the ${name} capability`}: it can ${what.replace(/^every/, 'use every')}. Grant a narrower capability if possible.` });
      }
    }
  },
});
