import { checkUnrestrictedTrust, UNRESTRICTED_TRUST } from '../../src/rules/unrestricted-trust';
import { expectOneFinding } from '../helpers/rules';
import { trustStatement } from '../helpers/trust';

describe('unrestricted trust', () => {
  test('the global principal with no ExternalId condition is an info finding with the rule\'s id', () => {
    const findings = checkUnrestrictedTrust({ trust: [trustStatement('redshift.amazonaws.com')] });
    expectOneFinding(findings, UNRESTRICTED_TRUST, 'cdk-redshift-iam:unrestricted-trust', 'info');
    expect(findings[0].message).toMatch(/^Every database user of every cluster this role is attached to, in every Region, may use it/);
  });

  test('one global principal among Regional ones is still unrestricted', () => {
    expect(checkUnrestrictedTrust({ trust: [trustStatement(['redshift.us-east-1.amazonaws.com', 'redshift-serverless.amazonaws.com'])] })).toHaveLength(1);
  });

  test('a Serverless role is told to use databaseUsers only: regions cannot restrict it (issue 21)', () => {
    const [finding] = checkUnrestrictedTrust({ trust: [trustStatement(['redshift.amazonaws.com', 'redshift-serverless.amazonaws.com'])] });
    expect(finding.message).toBe('Every database user of every cluster this role is attached to, in every Region, may use it; '
      + 'restrict it with databaseUsers (sts:ExternalId): regions cannot restrict a role that Redshift Serverless assumes, '
      + 'which it does through the global redshift-serverless.amazonaws.com principal');
    // the provisioned neighbour still hears of both
    expect(checkUnrestrictedTrust({ trust: [trustStatement('redshift.amazonaws.com')] })[0].message)
      .toMatch(/restrict it with databaseUsers \(sts:ExternalId\) or regions$/);
  });

  test.each([
    ['database users', [trustStatement('redshift.amazonaws.com', { StringEquals: { 'sts:ExternalId': 'arn:aws:redshift:us-west-2:123456789012:dbuser:c/u' } })]],
    ['Regions', [trustStatement(['redshift.us-east-1.amazonaws.com', 'redshift.us-west-2.amazonaws.com'])]],
  ])('restricted by %s is no finding', (_label, trust) => {
    expect(checkUnrestrictedTrust({ trust })).toEqual([]);
  });
});
