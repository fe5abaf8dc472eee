import {
  aws_dynamodb as dynamodb, aws_iam as iam, aws_kinesis as kinesis, aws_kms as kms, aws_lambda as lambda, aws_s3 as s3,
  aws_secretsmanager as secretsmanager, Aspects, CfnParameter, Stack,
} from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ChainedRole, ClusterRoleAssociation, IRedshiftRole, RedshiftCommand, RedshiftIamChecks, RedshiftServiceRole, RoleChain } from '../src';
import { ImportedRedshiftRole } from '../src/imported-redshift-role';
import { RedshiftRoleBase } from '../src/redshift-role';
import { decide, envOf, materialize, PolicyDoc } from './helpers/iam';
import { ACCOUNT, newStack, OTHER_ACCOUNT, synth } from './helpers/synth';

const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/RedshiftCopyUnload`;
const KEY_ARN = `arn:aws:kms:us-west-2:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

/** Every grant of a Redshift role, on `role`, with resources of `stack`. */
function grantEverything(stack: Stack, role: IRedshiftRole): void {
  const bucket = s3.Bucket.fromBucketName(stack, 'Bucket', 'mybucket');
  const key = kms.Key.fromKeyArn(stack, 'Key', KEY_ARN);
  role.allowCopyFrom(bucket, { keyPrefix: 'in/' });
  role.allowUnloadTo(bucket, { keyPrefix: 'out/', kmsKey: key });
  role.allowCreateLibraryFrom(bucket, { keyPrefix: 'lib/' });
  role.allowCopyFromTable(dynamodb.Table.fromTableName(stack, 'Table', 'Movies'));
  role.allowCopyFromEmrCluster('j-SAMPLE2B500FC');
  role.allowInvokeFunction(lambda.Function.fromFunctionName(stack, 'Fn', 'lambda_sum'));
  role.allowSpectrum({ databases: ['spectrumdb'], dataLocations: [{ bucket, keyPrefix: 'spectrum/' }] });
  role.allowStreamingIngestion(kinesis.Stream.fromStreamArn(stack, 'Stream', `arn:aws:kinesis:us-west-2:${ACCOUNT}:stream/clicks`));
  role.allowMskIngestion({ clusterArn: `arn:aws:kafka:us-west-2:${ACCOUNT}:cluster/MyCluster/abcdefab-1234-abcd-5678-cdef0123ab01-2` });
  role.allowFederatedQuery(secretsmanager.Secret.fromSecretNameV2(stack, 'Secret', 'my-rds-secret'));
  role.allowInvokeSageMakerEndpoint('churn-endpoint');
  role.allowBedrockModels({ foundationModels: ['anthropic.claude-3-haiku-20240307-v1:0'] });
  role.allowS3Tables({ tableBucketArn: `arn:aws:s3tables:us-west-2:${ACCOUNT}:bucket/analytics`, namespaces: ['sales'] });
  role.allowAssumeRole(iam.Role.fromRoleArn(stack, 'Next', `arn:aws:iam::${OTHER_ACCOUNT}:role/RoleB`));
}

/** The statements of the policies this library made for a role (`AccessPolicy`, then overflow), resolved. */
function accessStatements(stack: Stack, path: string): unknown[] {
  const policy = stack.node.findAll().find((c) => c.node.path === `${stack.node.path}/${path}/AccessPolicy`) as iam.Policy;
  return stack.resolve(policy.document.toJSON()).Statement;
}

/** The identity policies attached to the role named `name` (by name, as CloudFormation attaches them). */
function attachedPolicies(stack: Stack, template: Template, name: string): PolicyDoc[] {
  const json = template.toJSON();
  return Object.values<any>(template.findResources('AWS::IAM::Policy'))
    .filter((p) => JSON.stringify(p.Properties.Roles).includes(name))
    .map((p) => materialize(json, p.Properties.PolicyDocument, envOf(stack)));
}

describe('RedshiftServiceRole.fromExistingRoleArn / fromExistingRoleName', () => {
  test('every grant gives the same statements as on a new RedshiftServiceRole, in a policy attached to the role by name', () => {
    // GIVEN
    const fresh = newStack();
    const existing = newStack();
    // WHEN
    grantEverything(fresh, new RedshiftServiceRole(fresh, 'Role', { roleName: 'RedshiftCopyUnload' }));
    grantEverything(existing, RedshiftServiceRole.fromExistingRoleArn(existing, 'Role', ROLE_ARN));
    // THEN
    expect(accessStatements(existing, 'Role')).toEqual(accessStatements(fresh, 'Role'));
    synth(existing).hasResourceProperties('AWS::IAM::Policy', { PolicyName: Match.stringLikeRegexp('^RoleAccessPolicy'), Roles: ['RedshiftCopyUnload'] });
    synth(fresh);
  });

  test('the same proofs: the grants allow their command and deny the neighbours', async () => {
    const stack = newStack();
    const role = RedshiftServiceRole.fromExistingRoleName(stack, 'Role', 'RedshiftCopyUnload');
    role.allowCopyFrom(s3.Bucket.fromBucketName(stack, 'Bucket', 'mybucket'), { keyPrefix: 'in/' });
    role.allowInvokeFunction(lambda.Function.fromFunctionName(stack, 'Fn', 'lambda_sum'));
    const identity = attachedPolicies(stack, synth(stack), 'RedshiftCopyUnload');
    const may = (action: string, resource: string, context: Record<string, string> = {}) =>
      decide({ principal: ROLE_ARN, action, resource, identity, context });
    expect(await may('s3:GetObject', 'arn:aws:s3:::mybucket/in/part-0000')).toBe('Allowed');
    expect(await may('s3:ListBucket', 'arn:aws:s3:::mybucket', { 's3:prefix': 'in/' })).toBe('Allowed');
    expect(await may('lambda:InvokeFunction', `arn:aws:lambda:us-west-2:${ACCOUNT}:function:lambda_sum`)).toBe('Allowed');
    expect(await may('s3:GetObject', 'arn:aws:s3:::mybucket/out/part-0000')).toBe('ImplicitlyDenied');
    expect(await may('s3:PutObject', 'arn:aws:s3:::mybucket/in/part-0000')).toBe('ImplicitlyDenied');
    expect(await may('s3:ListBucket', 'arn:aws:s3:::mybucket', { 's3:prefix': 'out/' })).toBe('ImplicitlyDenied');
    expect(await may('lambda:InvokeFunction', `arn:aws:lambda:us-west-2:${ACCOUNT}:function:other`)).toBe('ImplicitlyDenied');
  });

  test('the SQL names the role literally', () => {
    const stack = newStack();
    const byArn = RedshiftServiceRole.fromExistingRoleArn(stack, 'ByArn', `arn:aws:iam::${ACCOUNT}:role/etl/Loader`);
    const byName = RedshiftServiceRole.fromExistingRoleName(stack, 'ByName', 'RedshiftCopyUnload');
    expect(byArn.iamRoleClause()).toBe(`IAM_ROLE 'arn:aws:iam::${ACCOUNT}:role/etl/Loader'`);
    expect(byName.iamRoleClause()).toBe(`IAM_ROLE '${ROLE_ARN}'`);
    expect(byName.assumeRoleGrantSql({ users: ['etl'], commands: [RedshiftCommand.COPY] })).toBe(`GRANT ASSUMEROLE ON '${ROLE_ARN}' TO etl FOR COPY;`);
    expect(byArn.roleName).toBe('Loader');
    expect(stack.resolve(byName.roleArn)).toBe(ROLE_ARN);
  });

  test('it is an iam.IRole for chains and associations; allowAssumeRole names the next role as a new role names it (from its name, no cross-stack reference)', () => {
    const stack = newStack();
    const first = RedshiftServiceRole.fromExistingRoleArn(stack, 'First', ROLE_ARN);
    const companyB = new Stack(stack.node.root as any, 'CompanyB', { env: { account: OTHER_ACCOUNT, region: 'us-west-2' } });
    const next = new ChainedRole(companyB, 'RoleB', { assumedBy: first, roleName: 'RoleB' });
    expect(next.chain.iamRoleClause()).toBe(`IAM_ROLE '${ROLE_ARN},arn:aws:iam::${OTHER_ACCOUNT}:role/RoleB'`);
    expect(RoleChain.of([first, next]).iamRoleParameter).toBe(`${ROLE_ARN},arn:aws:iam::${OTHER_ACCOUNT}:role/RoleB`);
    // ChainedRole grants the hop only to a previous role this app defines (an info says so): the existing role takes it explicitly
    first.allowAssumeRole(next);
    new ClusterRoleAssociation(stack, 'Attach', { clusterIdentifier: 'my-cluster', roles: [first] });
    synth(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: `arn:aws:iam::${OTHER_ACCOUNT}:role/RoleB` }] },
      Roles: ['RedshiftCopyUnload'],
    });
  });

  test('CREATE MODEL: the grants as on a new role; the trust cannot change, so a warning with an id says what to check', () => {
    const stack = newStack();
    const role = RedshiftServiceRole.fromExistingRoleArn(stack, 'Role', ROLE_ARN);
    role.allowCreateModel({ bucket: s3.Bucket.fromBucketName(stack, 'Bucket', 'mlbucket') });
    const warnings = Annotations.fromStack(stack).findWarning('/TestStack/Role', Match.anyValue()).map((w) => String(w.entry.data));
    expect(warnings).toEqual([`The trust policy of the existing role ${ROLE_ARN} cannot be changed by this app, and this grant needs sagemaker.amazonaws.com to assume the role: `
      + 'check that its trust policy lets sagemaker.amazonaws.com call sts:AssumeRole (aws iam get-role --role-name RedshiftCopyUnload) [ack: cdk-redshift-iam:importedRoleTrust]']);
    synth(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: Match.arrayWith([{ Effect: 'Allow', Action: 'iam:PassRole', Resource: ROLE_ARN, Condition: { StringEquals: { 'iam:PassedToService': 'sagemaker.amazonaws.com' } } }]) },
    });
  });

  test('cdk-nag: every grant\'s wildcards are acknowledged as on a new role', () => {
    const stack = newStack();
    grantEverything(stack, RedshiftServiceRole.fromExistingRoleArn(stack, 'Role', ROLE_ARN));
    synth(stack);
    expect(new AwsSolutionsChecks().validateScope(stack).violations.flatMap((v) => v.violatingResources.map((r) => `${v.ruleName} @ ${r.constructPath}`))).toEqual([]);
  });

  test('a Token ARN passes; the inherited iam.Role statics still return plain roles', () => {
    const stack = newStack();
    const arn = new CfnParameter(stack, 'RoleArn', { type: 'String' }).valueAsString;
    const role = RedshiftServiceRole.fromExistingRoleArn(stack, 'Role', arn);
    role.allowCopyFrom(s3.Bucket.fromBucketName(stack, 'Bucket', 'mybucket'));
    expect(role.iamRoleClause()).toBe(`IAM_ROLE '${arn}'`);
    expect((RedshiftServiceRole.fromRoleArn(stack, 'Plain', ROLE_ARN) as any).allowCopyFrom).toBeUndefined();
  });

  test('RedshiftIamChecks reports what it can see: what the app attaches to the existing role', () => {
    const stack = newStack();
    Aspects.of(stack).add(new RedshiftIamChecks());
    const role = RedshiftServiceRole.fromExistingRoleArn(stack, 'Role', ROLE_ARN);
    role.allowCopyFrom(s3.Bucket.fromBucketName(stack, 'Bucket', 'mybucket'));
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:*'], resources: ['*'] }));
    // a deliberate s3:* on *: not through the policy gate
    Template.fromStack(stack);
    const warnings = Annotations.fromStack(stack).findWarning('/TestStack/Role', Match.anyValue()).map((w) => String(w.entry.data));
    expect(warnings).toEqual([
      expect.stringMatching(/^\[RedshiftIamChecks\] This Redshift role allows s3:\*; .*\[ack: cdk-redshift-iam:wildcard-action\]$/),
      expect.stringMatching(/^\[RedshiftIamChecks\] This Redshift role allows s3:\* on every resource .*\[ack: cdk-redshift-iam:wildcard-resource\]$/),
    ]);
  });

  test('IRedshiftRole lists every allow* of RedshiftRoleBase, and the existing role implements each', () => {
    // at compile time: an allow* of RedshiftRoleBase missing from IRedshiftRole fails this line
    const everyAllowIsInTheInterface: [Exclude<Extract<keyof RedshiftRoleBase, `allow${string}`>, keyof IRedshiftRole>] extends [never] ? true : false = true;
    expect(everyAllowIsInTheInterface).toBe(true);
    const methods = (prototype: object) => Object.getOwnPropertyNames(prototype).filter((n) => n.startsWith('allow') || n === 'iamRoleClause' || n === 'assumeRoleGrantSql').sort();
    expect(methods(ImportedRedshiftRole.prototype)).toEqual(methods(RedshiftRoleBase.prototype));
    expect(methods(RedshiftRoleBase.prototype).length).toBeGreaterThanOrEqual(17);
  });
});
