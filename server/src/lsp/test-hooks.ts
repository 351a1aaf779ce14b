// TEST HOOK, for test/integration/server-survival.test.ts only; not a setting, never set in use.
//
// SEAWORTHY_TEST_THROWING_RULE=<rule id> makes that rule of the registry throw whenever it runs,
// inside the real server process, so the tests can check over stdio that a failing rule is
// isolated by the engine (the other rules still report), logged once, and never takes the server
// down. The variable is read here and nowhere else; without it this module does nothing.
import { RULES } from '../core/rules/registry';
import type { Rule } from '../core/rule';

export const THROWING_RULE_ENV = 'SEAWORTHY_TEST_THROWING_RULE';

export function installTestHooks(env: NodeJS.ProcessEnv = process.env): void {
  const id = env[THROWING_RULE_ENV];
  if (!id) return;
  const rule = RULES.find((r) => r.id === id) as Rule | undefined;
  if (!rule) return;
  const fail = () => { throw new Error(`injected failure (${THROWING_RULE_ENV}=${id})`); };
  if (rule.kind === 'dockerfile') {
    const { create, handlers } = rule;
    if (create) rule.create = (ctx) => ({ ...create(ctx), instruction: fail });
    else rule.handlers = { ...handlers, instruction: fail };
  } else {
    rule.check = fail;
  }
}
