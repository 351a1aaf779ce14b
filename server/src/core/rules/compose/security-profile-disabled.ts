import { defineComposeRule } from '../../rule';
import { allServices, stringItems } from '../../compose/facts';

const DISABLING: { re: RegExp; what: string }[] = [
  { re: /^seccomp\s*[:=]\s*unconfined$/i, what: 'turns off seccomp system-call filtering' },
  { re: /^apparmor\s*[:=]\s*unconfined$/i, what: 'turns off the AppArmor profile' },
  { re: /^label\s*[:=]\s*disable$/i, what: 'turns off SELinux labelling' },
  { re: /^systempaths\s*[:=]\s*unconfined$/i, what: 'unmasks /proc and /sys paths the kernel protects' },
  { re: /^no-new-privileges\s*[:=]\s*false$/i, what: 'lets processes gain privileges through setuid binaries' },
];

export default defineComposeRule({
  id: 'security-profile-disabled',
  aliases: [],
  severity: 'warning',
  profile: 'recommended',
  fixable: 'never',
  docs: {
    summary: 'A service disables a kernel security profile (`seccomp:unconfined`, `apparmor:unconfined`, `label:disable`, `systempaths=unconfined`).',
    why: 'Docker\'s default seccomp and AppArmor profiles block the system calls and paths most container escapes rely on, at no cost to normal programs. Turning them off removes a whole layer of defence for the service and the host.',
    bad: 'services:\n  app:\n    image: example/app:1.0\n    security_opt:\n      - seccomp:unconfined\n',
    good: 'services:\n  app:\n    image: example/app:1.0\n    security_opt:\n      - no-new-privileges:true\n',
    fix: 'Remove the option. If one system call is missing, use a custom seccomp profile that adds just that call (`seccomp:./profile.json`).',
  },
  check(ctx) {
    for (const s of allServices(ctx.doc)) {
      for (const o of stringItems(s.node?.get('security_opt'))) {
        const hit = DISABLING.find((d) => d.re.test(o.value.trim()));
        if (!hit) continue;
        ctx.report({ span: o.node, message: `Service "${s.name}" sets "${o.value}", which ${hit.what}. Remove it, or allow only what is needed with a custom profile.` });
      }
    }
  },
});
