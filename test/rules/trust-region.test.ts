import { Token } from 'aws-cdk-lib';
import { checkTrustRegion, TRUST_REGION } from '../../src/rules/trust-region';

describe('trust Region', () => {
  const input = (principals: string[], region = 'us-west-2') => ({ role: "'App/Role'", principals, target: 'cluster' as const, region });

  test('Redshift trusted only in other Regions is an error finding with the rule\'s id', () => {
    const findings = checkTrustRegion(input(['redshift.us-east-1.amazonaws.com', 'redshift.eu-west-1.amazonaws.com']));
    expect(findings).toEqual([{
      rule: TRUST_REGION,
      message: "Role 'App/Role' trusts Redshift only in us-east-1, eu-west-1, but this cluster is in us-west-2: Redshift could not assume it",
    }]);
    expect(findings[0].rule.id).toBe('cdk-redshift-iam:trust-region');
    expect(findings[0].rule.level).toBe('error');
  });

  test.each([
    ['the cluster\'s Region among them', ['redshift.us-east-1.amazonaws.com', 'redshift.us-west-2.amazonaws.com'], 'us-west-2'],
    ['the global principal', ['redshift.amazonaws.com', 'redshift.us-east-1.amazonaws.com'], 'us-west-2'],
    ['no Redshift principal (the trust-names-redshift rule reports it)', ['lambda.amazonaws.com'], 'us-west-2'],
    ['a Token Region', ['redshift.us-east-1.amazonaws.com'], Token.asString({ Ref: 'AWS::Region' })],
  ])('%s is no finding', (_label, principals, region) => {
    expect(checkTrustRegion(input(principals, region))).toEqual([]);
  });
});
