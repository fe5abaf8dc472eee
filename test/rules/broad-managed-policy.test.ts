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

  test.each([
    ['AmazonRedshiftAllCommandsFullAccess', 'the allow* grant of each command the role runs (allowCopyFrom, allowUnloadTo, allowSpectrum, allowFederatedQuery, allowCreateModel, ...)'],
    ['AmazonRedshiftFullAccess', 'the allow* grants of the commands the role runs; a role Redshift assumes never manages clusters (for people who do, RedshiftPermissions.manageClusters)'],
    ['AmazonBedrockFullAccess', 'allowBedrockModels (bedrock:InvokeModel on the named models)'],
    ['AmazonS3TablesFullAccess', 'allowS3Tables on the named table bucket, namespaces and tables'],
    ['AmazonS3TablesReadOnlyAccess', 'allowS3Tables on the named table bucket, namespaces and tables'],
    ['AmazonS3ReadOnlyAccess', 'allowCopyFrom, or allowSpectrum with dataLocations, on the named buckets and prefixes'],
    ['AWSGlueConsoleFullAccess', 'allowSpectrum on the named AWS Glue databases'],
    ['AWSLambdaRole', 'allowInvokeFunction on the named functions'],
  ])('%s: names the grant to use instead', (name, instead) => {
    const [finding] = checkBroadManagedPolicy({ managedPolicyArns: [`arn:aws:iam::aws:policy/${name}`] });
    expect(finding.rule).toBe(BROAD_MANAGED_POLICY);
    expect(finding.message).toBe(`This Redshift role has the AWS managed policy ${name}, which reaches every resource of its services in the account; `
      + `grant the commands it needs on named resources instead: ${instead} (RedshiftServiceRole.allow*)`);
  });

  test('the Redshift policies that are not broad are no finding', () => {
    expect(checkBroadManagedPolicy({ managedPolicyArns: ['arn:aws:iam::aws:policy/AmazonRedshiftReadOnlyAccess', 'arn:aws:iam::aws:policy/AmazonRedshiftAllCommandsFullAccessX'] })).toEqual([]);
  });

  test('no managed policies is no finding', () => {
    expect(checkBroadManagedPolicy({ managedPolicyArns: [] })).toEqual([]);
  });
});
