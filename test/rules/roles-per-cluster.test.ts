import { checkRolesPerCluster, ROLES_PER_CLUSTER } from '../../src/rules/roles-per-cluster';

describe('roles per cluster', () => {
  const input = (roleCount: number) => ({ cluster: "Cluster 'my-cluster'", roleCount, countedIn: 'the associations of this app' });

  test('51 roles is an error finding with the rule\'s id, naming the cluster, the count and where they were counted', () => {
    // WHEN
    const findings = checkRolesPerCluster(input(51));
    // THEN
    expect(findings).toEqual([{
      rule: ROLES_PER_CLUSTER,
      message: "Cluster 'my-cluster' would have 51 IAM roles (the associations of this app), over Redshift's limit of 50",
    }]);
    expect(findings[0].rule.id).toBe('cdk-redshift-iam:roles-per-cluster');
    expect(findings[0].rule.level).toBe('error');
  });

  test.each([0, 1, 50])('%d roles is no finding', (n) => {
    expect(checkRolesPerCluster(input(n))).toEqual([]);
  });

  test.each(['aws-iso', 'aws-iso-b'])('%s: the limit is 10 (us-iso-east-1, us-iso-west-1, us-isob-east-1)', (partition) => {
    expect(checkRolesPerCluster({ ...input(10), partition })).toEqual([]);
    expect(checkRolesPerCluster({ ...input(11), partition })).toEqual([{
      rule: ROLES_PER_CLUSTER,
      message: `Cluster 'my-cluster' would have 11 IAM roles (the associations of this app), over Redshift's limit of 10 in the ${partition} partition`,
    }]);
  });

  test.each(['aws', 'aws-cn', 'aws-us-gov', 'aws-iso-e', 'aws-iso-f', 'aws-eusc', undefined])('%s: the limit is 50', (partition) => {
    expect(checkRolesPerCluster({ ...input(50), partition })).toEqual([]);
    expect(checkRolesPerCluster({ ...input(51), partition })[0].message).toMatch(/over Redshift's limit of 50$/);
  });
});
