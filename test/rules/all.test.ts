import { readFileSync } from 'fs';
import { join } from 'path';
import { ALL_RULES } from '../../src/rules/all';
import { RULE_ID_PREFIX } from '../../src/rules/rule';

describe('the rules of RedshiftIamChecks', () => {
  test('ids are unique, share the package prefix and are kebab-case (no "::", which Validations reserves)', () => {
    const ids = ALL_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(new RegExp(`^${RULE_ID_PREFIX}[a-z]+(-[a-z]+)*$`));
    }
  });

  test('each id has one file in src/rules named after it', () => {
    for (const rule of ALL_RULES) {
      const file = join(__dirname, '..', '..', 'src', 'rules', `${rule.id.slice(RULE_ID_PREFIX.length)}.ts`);
      expect(readFileSync(file, 'utf-8')).toContain(`'${rule.id}'`);
    }
  });

  test('the README\'s table lists every id with its level, and nothing else', () => {
    const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf-8');
    const rows = [...readme.matchAll(/^\| `(cdk-redshift-iam:[a-z-]+)` \| (error|warning|info) \|/gm)].map((m) => [m[1], m[2]]);
    expect(rows).toEqual(ALL_RULES.map((r) => [r.id, r.level]));
  });
});
