import {
  App,
  aws_dynamodb as dynamodb,
  aws_iam as iam,
  aws_kinesis as kinesis,
  aws_kms as kms,
  aws_lambda as lambda,
  aws_s3 as s3,
  aws_secretsmanager as secretsmanager,
  Stack,
} from 'aws-cdk-lib';
import { ChainedRole, ClusterRoleAssociation, DatabaseUser, RedshiftPermissions, RedshiftServiceRole } from '../src';
import { nagFindings } from './helpers/nag';
import { ACCOUNT, newApp, newStack, REGION, synth } from './helpers/synth';

describe('cdk-nag AwsSolutions', () => {
  test('a default RedshiftServiceRole has no finding', () => {
    const stack = newStack();
    new RedshiftServiceRole(stack, 'Role');
    expect(nagFindings(stack)).toEqual([]);
  });

  test('a restricted role with every grant has no unexplained finding', () => {
    const stack = newStack();
    const role = new RedshiftServiceRole(stack, 'Role', {
      regions: ['us-west-2'],
      databaseUsers: [DatabaseUser.inCluster('my-cluster', 'user1')],
    });
    const bucket = s3.Bucket.fromBucketName(stack, 'Bucket', 'mybucket');
    role.allowCopyFrom(bucket, { keyPrefix: 'in/' });
    role.allowCopyFrom(bucket);
    role.allowUnloadTo(bucket, { keyPrefix: 'out/', allowCleanPath: true });
    role.allowCreateLibraryFrom(bucket, { keyPrefix: 'lib/' });
    role.allowCopyFromTable(dynamodb.Table.fromTableName(stack, 'T', 'Movies'));
    role.allowCopyFromEmrCluster('j-SAMPLE2B500FC');
    role.allowInvokeFunction(lambda.Function.fromFunctionName(stack, 'F', 'lambda_sum'));
    role.allowSpectrum({ databases: ['spectrumdb', 'sales'] });
    expect(nagFindings(stack)).toEqual([]);
  });

  test('the grants of every other IAM_ROLE command have no unexplained finding', () => {
    // GIVEN: streaming ingestion, federated query, Redshift ML, Lake Formation, UNLOAD with a key
    const stack = newStack();
    const role = new RedshiftServiceRole(stack, 'Role', { databaseUsers: [DatabaseUser.inCluster('my-cluster', 'user1')] });
    const bucket = s3.Bucket.fromBucketName(stack, 'Bucket', 'mybucket');
    const key = kms.Key.fromKeyArn(stack, 'Key', 'arn:aws:kms:us-west-2:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab');
    // WHEN
    role.allowStreamingIngestion(kinesis.Stream.fromStreamArn(stack, 'Stream', 'arn:aws:kinesis:us-west-2:123456789012:stream/clicks'));
    role.allowMskIngestion({ clusterArn: 'arn:aws:kafka:us-west-2:123456789012:cluster/MyCluster/abcdefab-1234-abcd-5678-cdef0123ab01-2' });
    role.allowMskIngestion({ clusterArn: 'arn:aws:kafka:us-west-2:123456789012:cluster/Other/abcdefab-1234-abcd-5678-cdef0123ab01-3', topics: ['orders'] });
    role.allowFederatedQuery(secretsmanager.Secret.fromSecretNameV2(stack, 'Secret', 'my-rds-secret'));
    role.allowCreateModel({ bucket, keyPrefix: 'ml/', kmsKey: key });
    role.allowInvokeSageMakerEndpoint('churn-endpoint');
    role.allowSpectrum({
      databases: ['lfdb'],
      lakeFormation: true,
      catalogKey: key,
      allowTableChanges: true,
      dataLocations: [{ bucket, keyPrefix: 'curated/', writable: true }],
    });
    role.allowUnloadTo(bucket, { keyPrefix: 'out/', kmsKey: key });
    // THEN
    expect(nagFindings(stack)).toEqual([]);
  });

  test('a chained role with CREATE MODEL has no unexplained finding', () => {
    const stack = newStack();
    const first = new RedshiftServiceRole(stack, 'First', { roleName: 'First' });
    const chained = new ChainedRole(stack, 'Chained', { assumedBy: first, roleName: 'Chained' });
    chained.allowCreateModel({ bucket: s3.Bucket.fromBucketName(stack, 'Bucket', 'mybucket') });
    expect(nagFindings(stack)).toEqual([]);
  });

  test('Resource::* is acknowledged only while every statement on * holds actions IAM authorizes on no resource type', () => {
    const stack = newStack();
    const role = new RedshiftServiceRole(stack, 'Role');
    role.allowStreamingIngestion(kinesis.Stream.fromStreamArn(stack, 'Stream', 'arn:aws:kinesis:us-west-2:123456789012:stream/clicks'));
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['kinesis:GetRecords'], resources: ['*'] }));
    expect(nagFindings(stack)).toEqual(['AwsSolutions-IAM5[Resource::*] @ TestStack/Role/AccessPolicy/Resource']);
  });

  test('the acknowledgement holds for a bucket defined in another stack', () => {
    const app = newApp();
    const env = { account: ACCOUNT, region: REGION };
    const data = new Stack(app, 'Data', { env });
    const bucket = new s3.Bucket(data, 'Bucket', { enforceSSL: true });
    const roles = new Stack(app, 'Roles', { env });
    const role = new RedshiftServiceRole(roles, 'Role');
    role.allowCopyFrom(bucket, { keyPrefix: 'in/' });
    expect(nagFindings(roles, role)).toEqual([]);
  });

  test('each acknowledgement names the finding, the resource and a reason', () => {
    const stack = newStack();
    const role = new RedshiftServiceRole(stack, 'Role');
    role.allowCopyFrom(s3.Bucket.fromBucketName(stack, 'Bucket', 'mybucket'), { keyPrefix: 'in/' });
    synth(stack);
    const acknowledged = role.node.findAll()
      .flatMap((c) => c.node.metadata.filter((m) => m.type === 'aws:cdk:acknowledged-rules'))
      .map((m) => m.data);
    expect(acknowledged).toEqual([{
      'AwsSolutions-IAM5[Resource::arn:aws:s3:::mybucket/in/*]': expect.stringMatching(/COPY reads the objects under the key prefix 'in\/' of one named bucket/),
    }]);
  });

  test('wildcards the user adds are still reported', () => {
    const stack = newStack();
    const role = new RedshiftServiceRole(stack, 'Role');
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::mybucket/*'] }));
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:*'], resources: ['arn:aws:s3:::other'] }));
    expect(nagFindings(stack)).toEqual([
      'AwsSolutions-IAM5[Action::s3:*] @ TestStack/Role/AccessPolicy/Resource',
      'AwsSolutions-IAM5[Resource::arn:aws:s3:::mybucket/*] @ TestStack/Role/AccessPolicy/Resource',
    ]);
  });

  test('the console\'s AWS managed policies are reported (IAM4), not hidden', () => {
    const stack = newStack();
    new RedshiftServiceRole(stack, 'Role', {
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonS3ReadOnlyAccess')],
    });
    expect(nagFindings(stack)).toEqual([
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/AmazonS3ReadOnlyAccess] @ TestStack/Role/Resource',
    ]);
  });
});

describe('cdk-nag AwsSolutions on the identity policies of RedshiftPermissions', () => {
  function operators(stack: Stack): iam.Role {
    return new iam.Role(stack, 'Operators', { assumedBy: new iam.AccountRootPrincipal() });
  }

  test('associateRoles and grantManage: DescribeClusters on * is acknowledged, with the reason', () => {
    // GIVEN
    const stack = newStack();
    const role = new RedshiftServiceRole(stack, 'Role');
    const grantee = operators(stack);
    // WHEN
    RedshiftPermissions.associateRoles(grantee, { clusterIdentifiers: ['my-cluster'], roles: [role] });
    new ClusterRoleAssociation(stack, 'Attach', { clusterIdentifier: 'other-cluster', roles: [role] }).grantManage(grantee);
    // THEN
    expect(nagFindings(stack)).toEqual([]);
    const acknowledged = grantee.node.findAll()
      .flatMap((c) => c.node.metadata.filter((m) => m.type === 'aws:cdk:acknowledged-rules'))
      .map((m) => m.data);
    expect(acknowledged).toEqual([{
      'AwsSolutions-IAM5[Resource::*]': expect.stringMatching(/^redshift:DescribeClusters on '\*' is the documented policy of "Associating IAM roles with clusters"/),
    }]);
  });

  test('a * of the user\'s own on the same principal is still reported', () => {
    const stack = newStack();
    const grantee = operators(stack);
    RedshiftPermissions.associateRoles(grantee, { clusterIdentifiers: ['my-cluster'], roles: [new RedshiftServiceRole(stack, 'Role')] });
    grantee.addToPolicy(new iam.PolicyStatement({ actions: ['s3:ListAllMyBuckets'], resources: ['*'] }));
    expect(nagFindings(stack)).toEqual(['AwsSolutions-IAM5[Resource::*] @ TestStack/Operators/DefaultPolicy/Resource']);
  });

  test('manageClusters with tag conditions: cluster:* is acknowledged; without a condition it is reported', () => {
    const stack = newStack();
    const tagged = operators(stack);
    RedshiftPermissions.manageClusters(tagged, { actions: ['redshift:ModifyCluster'], resourceTags: { environment: 'test' } });
    RedshiftPermissions.manageClusters(tagged, {
      actions: ['redshift:CreateCluster', 'redshift:CreateTags'],
      requestTags: { usage: 'production' },
      allowedTagKeys: ['costcenter', 'usage'],
    });
    const everywhere = new iam.Role(stack, 'Everywhere', { assumedBy: new iam.AccountRootPrincipal() });
    RedshiftPermissions.manageClusters(everywhere, { actions: ['redshift:ModifyCluster'] });
    expect(nagFindings(stack)).toEqual([
      `AwsSolutions-IAM5[Resource::arn:aws:redshift:${REGION}:${ACCOUNT}:cluster:*] @ TestStack/Everywhere/DefaultPolicy/Resource`,
    ]);
  });

  test('works without the enablePartitionLiterals flag (the finding names <AWS::Partition>)', () => {
    const stack = new Stack(new App(), 'Plain', { env: { account: ACCOUNT, region: REGION } });
    const grantee = operators(stack);
    RedshiftPermissions.manageClusters(grantee, { actions: ['ModifyCluster'], resourceTags: { environment: 'test' } });
    RedshiftPermissions.associateRoles(grantee, { clusterIdentifiers: ['my-cluster'], roles: [new RedshiftServiceRole(stack, 'Role')] });
    expect(nagFindings(stack)).toEqual([]);
  });
});
