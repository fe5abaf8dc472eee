import { principalRegion, trustNamesRedshift } from '../../src/private/redshift-principals';
import { checkTrustNamesRedshift, TRUST_NAMES_REDSHIFT } from '../../src/rules/trust-names-redshift';
import { expectOneFinding } from '../helpers/rules';

describe('trust names Redshift', () => {
  test('a cluster role that trusts only Lambda is an error finding with the rule\'s id and the deploy-time failure', () => {
    const findings = checkTrustNamesRedshift({ role: "'App/LambdaRole'", principals: ['lambda.amazonaws.com'], target: 'cluster' });
    expectOneFinding(findings, TRUST_NAMES_REDSHIFT, 'cdk-redshift-iam:trust-names-redshift', 'error');
    expect(findings[0].message).toMatch(/^Role 'App\/LambdaRole' is attached to this cluster, but its trust policy does not let redshift.amazonaws.com assume it: .*IAM role must delegate access to an Amazon Redshift account/);
  });

  test.each([
    ['cluster', ['redshift.amazonaws.com'], true],
    ['cluster', ['redshift.us-east-1.amazonaws.com'], true],
    ['cluster', ['redshift.cn-north-1.amazonaws.com.cn'], true],
    ['cluster', ['redshift-serverless.amazonaws.com'], false],
    ['namespace', ['redshift-serverless.amazonaws.com'], true],
    ['namespace', ['redshift.amazonaws.com'], false],
    ['any', ['redshift-serverless.amazonaws.com'], true],
    ['any', ['redshift.us-west-2.amazonaws.com'], true],
    ['any', ['lambda.amazonaws.com', 'redshift.example.com'], false],
    ['any', [], false],
  ] as const)('for a %s, %j names Redshift: %s', (target, principals, expected) => {
    expect(trustNamesRedshift([...principals], target)).toBe(expected);
    if (target !== 'any') {
      expect(checkTrustNamesRedshift({ role: "'r'", principals: [...principals], target })).toHaveLength(expected ? 0 : 1);
    }
  });

  test('a namespace needs the Serverless principal, and the message says so', () => {
    expect(checkTrustNamesRedshift({ role: "'r'", principals: ['redshift.amazonaws.com'], target: 'namespace' })[0].message)
      .toMatch(/attached to this namespace, but its trust policy does not let redshift-serverless.amazonaws.com assume it/);
  });

  test.each([
    ['a RedshiftServiceRole without serverless', ['redshift.amazonaws.com'],
      'Its trust names Redshift for provisioned clusters only (redshift.amazonaws.com): for a RedshiftServiceRole, set `serverless: true`; '
      + 'for another role, trust redshift-serverless.amazonaws.com with sts:AssumeRole as well'],
    ['a RedshiftServiceRole with regions', ['redshift.us-east-1.amazonaws.com', 'redshift.us-west-2.amazonaws.com'],
      'Its trust names Redshift for provisioned clusters only (redshift.us-east-1.amazonaws.com, redshift.us-west-2.amazonaws.com): for a RedshiftServiceRole, '
      + 'set `serverless: true` and leave out `regions` (Redshift Serverless assumes roles through its global principal only); '
      + 'for another role, trust redshift-serverless.amazonaws.com with sts:AssumeRole as well'],
    ['a role of another service', ['lambda.amazonaws.com'], 'Use RedshiftServiceRole with `serverless: true`, or trust redshift-serverless.amazonaws.com with sts:AssumeRole'],
  ])('a namespace: the fix for %s is one that works (issue 21)', (_label, principals, fix) => {
    const [finding] = checkTrustNamesRedshift({ role: "'r'", principals, target: 'namespace' });
    expect(finding.message).toBe('Role \'r\' is attached to this namespace, but its trust policy does not let redshift-serverless.amazonaws.com assume it: '
      + `the deployment would fail with "IAM role must delegate access to an Amazon Redshift account". ${fix}`);
  });

  test('a cluster: RedshiftServiceRole is the fix', () => {
    expect(checkTrustNamesRedshift({ role: "'r'", principals: ['redshift-serverless.amazonaws.com'], target: 'cluster' })[0].message)
      .toMatch(/Use RedshiftServiceRole, or trust redshift.amazonaws.com with sts:AssumeRole$/);
  });

  test('principalRegion reads the Region of a Regional principal only', () => {
    expect(principalRegion('redshift.us-east-1.amazonaws.com')).toBe('us-east-1');
    expect(principalRegion('redshift-serverless.eu-west-1.amazonaws.com')).toBe('eu-west-1');
    expect(principalRegion('redshift.amazonaws.com')).toBeUndefined();
  });
});
