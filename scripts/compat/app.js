// A user's first app, as `npm init` + `npm install` would make it: plain JavaScript, no cdk.json
// (so no feature flags), the README's main scenarios. scripts/compat.sh runs it against the packed
// library and the oldest and newest aws-cdk-lib, with JSII_DEPRECATED=fail, then runs it again
// through the CDK CLI. It exits non-zero, saying why, on anything a user would trip over.
const assert = require('assert');
const { Annotations, App, Aspects, Stack, Validations, aws_iam: iam, aws_s3: s3 } = require('aws-cdk-lib');
const { AwsSolutionsChecks } = require('cdk-nag');
const {
  ChainedRole, ClusterRoleAssociation, DatabaseUser, RedshiftIamChecks, RedshiftPermissions, RedshiftServiceRole,
} = require('cdk-redshift-iam');

const A = '123456789012';
const B = '210987654321';
const app = new App();
const companyA = new Stack(app, 'CompanyA', { env: { account: A, region: 'us-west-2' } });
const companyB = new Stack(app, 'CompanyB', { env: { account: B, region: 'us-west-2' } });

// A role Redshift can assume, restricted to database users and a Region, with a grant.
const copyRole = new RedshiftServiceRole(companyA, 'CopyRole', {
  roleName: 'RedshiftCopyUnload',
  databaseUsers: [DatabaseUser.inCluster('my-cluster', 'user1'), DatabaseUser.inCluster('my-cluster', 'user2')],
  regions: ['us-west-2'],
});
const bucket = s3.Bucket.fromBucketName(companyA, 'MyBucket', 'mybucket');
copyRole.allowCopyFrom(bucket, { keyPrefix: 'sales/' });
copyRole.allowUnloadTo(bucket, { keyPrefix: 'exports/' });

// Role chaining across two accounts.
const roleA = new RedshiftServiceRole(companyA, 'RoleA', { roleName: 'RoleA' });
const roleB = new ChainedRole(companyB, 'RoleB', { assumedBy: roleA, roleName: 'RoleB' });
roleB.allowCopyFrom(s3.Bucket.fromBucketName(companyB, 'Data', 'companyb'), { keyPrefix: 'redshift/' });

// Attaching roles to a cluster that already exists, and what operators need.
const association = new ClusterRoleAssociation(companyA, 'Attach', {
  clusterIdentifier: 'my-redshift-cluster',
  roles: [copyRole, roleA],
  defaultRole: copyRole,
});
const operators = new iam.Role(companyA, 'Operators', { assumedBy: new iam.AccountRootPrincipal() });
association.grantManage(operators);
RedshiftPermissions.manageClusters(operators, {
  actions: ['redshift:ModifyCluster'],
  region: 'us-west-2',
  resourceTags: { environment: 'test' },
});

// Findings acknowledged as the README says, on every release: a RedshiftIamChecks warning (a broad
// managed policy), an advice warning (a bucket of another account) and an association error (a role
// that trusts Redshift in another Region). `Validations.of(x).acknowledge` takes the id in the form
// the CDK CLI shows it ('Annotation::<id>'); `acknowledgeWarning` only the bare id.
const IDS = ['cdk-redshift-iam:broad-managed-policy', 'cdk-redshift-iam:crossAccountGrant', 'cdk-redshift-iam:trust-region'];
// (An app of their own, outside cdk.out: the role's AWS managed policy is what cdk-nag must not pass.)
const ackApp = new App({ outdir: require('fs').mkdtempSync(require('path').join(require('os').tmpdir(), 'ack-')) });
for (const how of ['Validations', 'Annotations']) {
  const stack = new Stack(ackApp, `Acknowledged${how}`, { env: { account: A, region: 'us-west-2' } });
  const role = new RedshiftServiceRole(stack, 'Role', { regions: ['us-east-1'], managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonS3FullAccess')] });
  role.allowCopyFrom(s3.Bucket.fromBucketAttributes(stack, 'Theirs', { bucketName: 'their-bucket', account: B }));
  new ClusterRoleAssociation(stack, 'Attach', { clusterIdentifier: 'my-cluster', roles: [role] });
  if (how === 'Validations') {
    for (const id of IDS) Validations.of(stack).acknowledge({ id: `Annotation::${id}`, reason: 'compat: acknowledged as the CLI shows' });
  } else {
    for (const id of IDS.slice(0, 2)) Annotations.of(stack).acknowledgeWarning(id, 'compat: a warning, the aws-cdk-lib way');
    Validations.of(stack).acknowledge({ id: IDS[2], reason: 'compat: an error' });
  }
}

// The checks.
Aspects.of(app).add(new RedshiftIamChecks());
Aspects.of(ackApp).add(new RedshiftIamChecks());
if (process.env.COMPAT_NAG_PLUGIN === '1') {
  // aws-cdk-lib releases whose validation context carries the construct tree run cdk-nag 3 as a plugin.
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
}

const clauses = {
  copy: copyRole.iamRoleClause(),
  chain: roleB.chain.iamRoleClause(),
};
assert.strictEqual(clauses.copy, `IAM_ROLE 'arn:aws:iam::${A}:role/RedshiftCopyUnload'`);
assert.strictEqual(clauses.chain, `IAM_ROLE 'arn:aws:iam::${A}:role/RoleA,arn:aws:iam::${B}:role/RoleB'`);

const assembly = app.synth();

// Every stack synthesized, with no error and no warning.
const acknowledged = ackApp.synth();
assert.deepStrictEqual(assembly.stacks.map((s) => s.stackName).sort(), ['CompanyA', 'CompanyB']);
assert.deepStrictEqual(acknowledged.stacks.map((s) => s.stackName).sort(), ['AcknowledgedAnnotations', 'AcknowledgedValidations']);
for (const stack of [...assembly.stacks, ...acknowledged.stacks]) {
  assert.ok(Object.keys(stack.template.Resources ?? {}).length > 0, `${stack.stackName} has no resources`);
  const problems = stack.messages.filter((m) => m.level === 'error' || m.level === 'warning');
  assert.deepStrictEqual(problems.map((m) => `${m.level} ${m.id}: ${m.entry.data}`), [], `${stack.stackName} reported problems with aws-cdk-lib ${require('aws-cdk-lib/package.json').version}`);
}

const release = require('aws-cdk-lib/package.json').version;

// The association handler runs on the newest Node.js runtime this aws-cdk-lib release knows (what
// cdk-nag's AwsSolutions-L1 asks for), never older than nodejs24.x.
const { Runtime, RuntimeFamily } = require('aws-cdk-lib/aws-lambda');
const nodeVersion = (name) => Number((/^nodejs(\d+)\.x$/.exec(name) ?? [])[1] ?? 0);
const newest = Math.max(24, ...Runtime.ALL.filter((r) => r.family === RuntimeFamily.NODEJS && !r.isVariable).map((r) => nodeVersion(r.name)));
const runtimes = Object.values(assembly.getStackByName('CompanyA').template.Resources)
  .filter((r) => r.Type === 'AWS::Lambda::Function').map((r) => r.Properties.Runtime);
assert.deepStrictEqual(runtimes, [`nodejs${newest}.x`],
  `aws-cdk-lib ${release} knows nodejs${newest}.x, and the association handler runs on ${runtimes.join(', ')}`);

// cdk-nag's AwsSolutions pack, as the README runs it on every aws-cdk-lib we support: the library's
// own resources have no unacknowledged finding.
const report = new AwsSolutionsChecks().validateScope(app);
const findings = report.violations.flatMap((v) => v.violatingResources.map((r) => `${v.ruleName} @ ${r.constructPath}: ${v.ruleInfo ?? v.description ?? ''}`));
assert.deepStrictEqual(findings, [], `cdk-nag AwsSolutions findings with aws-cdk-lib ${release}`);

// What a user pastes into SQL (a CLI run prints it too; scripts/compat.sh checks it).
console.log(`copy sales from 's3://mybucket/sales/' ${clauses.copy};`);
console.log(`copy venue from 's3://companyb/redshift/venue_pipe_' ${clauses.chain};`);
