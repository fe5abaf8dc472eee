import { BROAD_MANAGED_POLICY, checkBroadManagedPolicy } from '../../src/rules/broad-managed-policy';

describe('broad managed policy', () => {
  test('each broad AWS managed policy is a warning finding with the rule\'s id, naming the policy', () => {
    const findings = checkBroadManagedPolicy({
      managedPolicyArns: [
        'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
        'arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaRole',
        'arn:aws:iam::aws:policy/AmazonRedshiftQueryEditor',
        'arn:aws:iam::123456789012:policy/AmazonS3ReadOnlyAccess',
      ],
    });
    expect(findings.map((f) => f.rule)).toEqual([BROAD_MANAGED_POLICY, BROAD_MANAGED_POLICY]);
    expect(BROAD_MANAGED_POLICY.id).toBe('cdk-redshift-iam:broad-managed-policy');
    expect(BROAD_MANAGED_POLICY.level).toBe('warning');
    expect(findings[0].message).toMatch(/^This Redshift role has the AWS managed policy AmazonS3ReadOnlyAccess, which reaches every resource/);
    expect(findings[1].message).toMatch(/AWS managed policy AWSLambdaRole/);
  });

  test('no managed policies is no finding', () => {
    expect(checkBroadManagedPolicy({ managedPolicyArns: [] })).toEqual([]);
  });
});
