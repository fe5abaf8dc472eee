import { Stack } from 'aws-cdk-lib';
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
});
