import { checkUnrestrictedTrust, UNRESTRICTED_TRUST } from '../../src/rules/unrestricted-trust';

describe('unrestricted trust', () => {
  const allow = (service: string | string[], condition?: unknown) => ({
    Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: service }, Condition: condition,
  });

  test('the global principal with no ExternalId condition is an info finding with the rule\'s id', () => {
    const findings = checkUnrestrictedTrust({ trust: [allow('redshift.amazonaws.com')] });
    expect(findings).toHaveLength(1);
    expect(findings[0].rule).toBe(UNRESTRICTED_TRUST);
    expect(UNRESTRICTED_TRUST.id).toBe('cdk-redshift-iam:unrestricted-trust');
    expect(UNRESTRICTED_TRUST.level).toBe('info');
    expect(findings[0].message).toMatch(/^Every database user of every cluster this role is attached to, in every Region, may use it/);
  });

  test('one global principal among Regional ones is still unrestricted', () => {
    expect(checkUnrestrictedTrust({ trust: [allow(['redshift.us-east-1.amazonaws.com', 'redshift-serverless.amazonaws.com'])] })).toHaveLength(1);
  });

  test.each([
    ['database users', [allow('redshift.amazonaws.com', { StringEquals: { 'sts:ExternalId': 'arn:aws:redshift:us-west-2:123456789012:dbuser:c/u' } })]],
    ['Regions', [allow(['redshift.us-east-1.amazonaws.com', 'redshift.us-west-2.amazonaws.com'])]],
  ])('restricted by %s is no finding', (_label, trust) => {
    expect(checkUnrestrictedTrust({ trust })).toEqual([]);
  });
});
