import { Finding, Rule, RuleLevel } from '../../src/rules/rule';

/** Expects exactly one finding, and that it is of `rule`, whose id and level are these. */
export function expectOneFinding(findings: Finding[], rule: Rule, id: string, level: RuleLevel): void {
  expect(findings).toHaveLength(1);
  expect(findings[0].rule).toBe(rule);
  expect(findings[0].rule.id).toBe(id);
  expect(findings[0].rule.level).toBe(level);
}
