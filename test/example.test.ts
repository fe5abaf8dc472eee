import { App, Stack } from 'aws-cdk-lib';
import { buildScenarios } from '../examples/scenarios';
import { newApp, synth } from './helpers/synth';

describe('the example app', () => {
  test('prints one statement per scenario, each SQL statement with a literal IAM_ROLE clause', () => {
    // GIVEN
    const app = newApp();
    // WHEN
    const scenarios = buildScenarios(app);
    // THEN
    expect(scenarios.length).toBeGreaterThanOrEqual(13);
    for (const scenario of scenarios) {
      expect(scenario.sql).not.toMatch(/\$\{Token/);
      // audit logging and scheduled actions end in an AWS CLI command, which has no IAM_ROLE clause
      if (scenario.sql.startsWith('aws redshift ')) continue;
      expect(scenario.sql).toMatch(/IAM_ROLE (default|'arn:aws:iam::\d{12}:role\/[\w+=,.@-]+(,arn:aws:iam::\d{12}:role\/[\w+=,.@-]+)*')/);
    }
    expect(scenarios.map((s) => s.sql)).toContain(
      "copy customer from 's3://mybucket/mydata' IAM_ROLE 'arn:aws:iam::123456789012:role/RedshiftRestrictedToUsers'");
    expect(scenarios.map((s) => s.sql)).toContain(
      "copy venue from 's3://companyb/redshift/venue_pipe_' IAM_ROLE 'arn:aws:iam::123456789012:role/RoleA,arn:aws:iam::210987654321:role/RoleB'");
    // every stack synthesizes and lints clean
    for (const stack of app.node.children.filter((c): c is Stack => c instanceof Stack)) {
      synth(stack);
    }
  });

  test('prints the same SQL in an app with no feature flags (no cdk.json) and deprecated APIs fatal', () => {
    // GIVEN: `new App()` as in a fresh `npm init` project, and JSII_DEPRECATED=fail
    const previous = process.env.JSII_DEPRECATED;
    process.env.JSII_DEPRECATED = 'fail';
    try {
      // WHEN
      const app = new App();
      const plain = buildScenarios(app).map((s) => s.sql);
      const withFlags = buildScenarios(newApp()).map((s) => s.sql);
      // THEN
      expect(() => app.synth()).not.toThrow();
      expect(plain).toEqual(withFlags);
      for (const sql of plain) expect(sql).not.toMatch(/\$\{Token/);
    } finally {
      if (previous === undefined) delete process.env.JSII_DEPRECATED;
      else process.env.JSII_DEPRECATED = previous;
    }
  });
});
