import { CfnParameter } from 'aws-cdk-lib';
import { IntegrationPolicyOptions, RedshiftPermissions } from '../../src';
import { decide, PolicyDoc } from '../helpers/iam';
import { ACCOUNT, newStack, OTHER_ACCOUNT, synth } from '../helpers/synth';
import { testCluster, testNamespace } from '../helpers/targets';

const NAMESPACE_ID = 'cc4ffe56-ad2c-4fd1-a5a2-f29124a56433';
const CLUSTER_NAMESPACE = `arn:aws:redshift:us-west-2:${ACCOUNT}:namespace:${NAMESPACE_ID}`;
const SERVERLESS_NAMESPACE = `arn:aws:redshift-serverless:us-west-2:${ACCOUNT}:namespace/${NAMESPACE_ID}`;
const AURORA = `arn:aws:rds:us-west-2:${OTHER_ACCOUNT}:cluster:orders`;
const TABLE = `arn:aws:dynamodb:us-west-2:${ACCOUNT}:table/Movies`;
const BUCKET = 'arn:aws:s3:::incoming-data';

/** The document as Redshift would hold it (no Token in these tests: `resolve` of a scope-free document). */
const policyOf = (options: IntegrationPolicyOptions): PolicyDoc => newStack().resolve(RedshiftPermissions.integrationResourcePolicy(options));

describe('RedshiftPermissions.integrationResourcePolicy', () => {
  test('the documented statements: authorized sources, authorized creator accounts', () => {
    // WHEN
    const policy = policyOf({ targetArn: CLUSTER_NAMESPACE, sources: [AURORA, BUCKET], creatorAccounts: [OTHER_ACCOUNT] });
    // THEN
    const fromSources = { StringEquals: { 'aws:SourceArn': [AURORA, BUCKET] } };
    expect(policy).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'AuthorizeInboundIntegration',
          Effect: 'Allow',
          Principal: { Service: 'redshift.amazonaws.com' },
          Action: 'redshift:AuthorizeInboundIntegration',
          Resource: CLUSTER_NAMESPACE,
          Condition: fromSources,
        },
        {
          Sid: 'CreateInboundIntegration',
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${OTHER_ACCOUNT}:root` },
          Action: 'redshift:CreateInboundIntegration',
          Resource: CLUSTER_NAMESPACE,
          Condition: fromSources,
        },
      ],
    });
  });

  // The Service Authorization Reference gives these actions the `namespace` resource type of
  // redshift (arn:aws:redshift:REGION:ACCOUNT:namespace:ID), which the simulator insists on; the
  // Serverless form of the documentation's examples is checked as text below.
  test('Redshift may authorize the named sources only; the creator account may create from them only', async () => {
    const policy = policyOf({ targetArn: CLUSTER_NAMESPACE, sources: [TABLE], creatorAccounts: [OTHER_ACCOUNT] });
    const authorize = (principal: string, context: Record<string, string>) =>
      decide({ principal, action: 'redshift:AuthorizeInboundIntegration', resource: CLUSTER_NAMESPACE, resourceAccount: ACCOUNT, resourcePolicy: policy, context });
    expect(await authorize('redshift.amazonaws.com', { 'aws:SourceArn': TABLE })).toBe('Allowed');
    // neighbours: another source, no source, another service
    expect(await authorize('redshift.amazonaws.com', { 'aws:SourceArn': TABLE.replace('Movies', 'Payments') })).toBe('ImplicitlyDenied');
    expect(await authorize('redshift.amazonaws.com', {})).toBe('ImplicitlyDenied');
    expect(await authorize('rds.amazonaws.com', { 'aws:SourceArn': TABLE })).toBe('ImplicitlyDenied');
    const anotherNamespace = CLUSTER_NAMESPACE.replace(NAMESPACE_ID, '00000000-ad2c-4fd1-a5a2-f29124a56433');
    expect(await decide({
      principal: 'redshift.amazonaws.com',
      action: 'redshift:AuthorizeInboundIntegration',
      resource: anotherNamespace,
      resourceAccount: ACCOUNT,
      resourcePolicy: policy,
      context: { 'aws:SourceArn': TABLE },
    })).toBe('ImplicitlyDenied');

    // A role of the creator account, whose own policy allows it (cross-account needs both sides).
    const identity = [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'redshift:CreateInboundIntegration', Resource: '*' }] }];
    const create = (principal: string, context: Record<string, string>) =>
      decide({ principal, action: 'redshift:CreateInboundIntegration', resource: CLUSTER_NAMESPACE, resourceAccount: ACCOUNT, resourcePolicy: policy, identity, context });
    expect(await create(`arn:aws:iam::${OTHER_ACCOUNT}:role/IntegrationAdmin`, { 'aws:SourceArn': TABLE })).toBe('Allowed');
    expect(await create('arn:aws:iam::333333333333:role/IntegrationAdmin', { 'aws:SourceArn': TABLE })).toBe('ImplicitlyDenied');
    expect(await create(`arn:aws:iam::${OTHER_ACCOUNT}:role/IntegrationAdmin`, { 'aws:SourceArn': BUCKET })).toBe('ImplicitlyDenied');
  });

  test('without creator accounts, only the sources statement; a Serverless namespace is named as given', () => {
    const policy = policyOf({ targetArn: SERVERLESS_NAMESPACE, sources: [BUCKET] });
    expect(policy.Statement).toHaveLength(1);
    expect(policy.Statement[0].Resource).toEqual(SERVERLESS_NAMESPACE);
    expect(policy.Statement[0].Condition).toEqual({ StringEquals: { 'aws:SourceArn': BUCKET } });
  });

  test('the namespaceResourcePolicy of a CfnNamespace and a CfnCluster; Tokens pass through', () => {
    const stack = newStack();
    const namespace = new CfnParameter(stack, 'NamespaceArn', { type: 'String' });
    const source = new CfnParameter(stack, 'SourceArn', { type: 'String' });
    testNamespace(stack, {
      namespaceResourcePolicy: RedshiftPermissions.integrationResourcePolicy({ targetArn: namespace.valueAsString, sources: [source.valueAsString] }),
    });
    testCluster(stack, {
      namespaceResourcePolicy: RedshiftPermissions.integrationResourcePolicy({ targetArn: CLUSTER_NAMESPACE, sources: [AURORA] }),
    });
    const template = synth(stack);
    template.hasResourceProperties('AWS::RedshiftServerless::Namespace', {
      NamespaceResourcePolicy: {
        Statement: [{
          Sid: 'AuthorizeInboundIntegration',
          Effect: 'Allow',
          Principal: { Service: 'redshift.amazonaws.com' },
          Action: 'redshift:AuthorizeInboundIntegration',
          Resource: { Ref: 'NamespaceArn' },
          Condition: { StringEquals: { 'aws:SourceArn': { Ref: 'SourceArn' } } },
        }],
      },
    });
    template.hasResourceProperties('AWS::Redshift::Cluster', {
      NamespaceResourcePolicy: { Statement: [{ Resource: CLUSTER_NAMESPACE, Condition: { StringEquals: { 'aws:SourceArn': AURORA } } }].map((s) => ({ ...s, Sid: 'AuthorizeInboundIntegration', Effect: 'Allow', Principal: { Service: 'redshift.amazonaws.com' }, Action: 'redshift:AuthorizeInboundIntegration' })) },
    });
  });

  test.each<[IntegrationPolicyOptions, string]>([
    [{ targetArn: `arn:aws:redshift:us-west-2:${ACCOUNT}:cluster:my-cluster`, sources: [AURORA] },
      `\`targetArn\` must be the namespace ARN of a cluster (arn:aws:redshift:REGION:ACCOUNT:namespace:NAMESPACE-ID) or of a Serverless namespace (arn:aws:redshift-serverless:REGION:ACCOUNT:namespace/NAMESPACE-ID), not a cluster or workgroup ARN, got: 'arn:aws:redshift:us-west-2:${ACCOUNT}:cluster:my-cluster'`],
    [{ targetArn: `arn:aws:redshift-serverless:us-west-2:${ACCOUNT}:workgroup/${NAMESPACE_ID}`, sources: [AURORA] },
      `not a cluster or workgroup ARN, got: 'arn:aws:redshift-serverless:us-west-2:${ACCOUNT}:workgroup/${NAMESPACE_ID}'`],
    [{ targetArn: 'analytics', sources: [AURORA] }, "got: 'analytics'"],
    [{ targetArn: CLUSTER_NAMESPACE, sources: [] }, '`sources` must list at least one source ARN'],
    [{ targetArn: CLUSTER_NAMESPACE, sources: ['orders'] },
      "`sources` must be the ARNs of integration sources (an Aurora or RDS database, a DynamoDB table, an S3 bucket), without wildcards, got: 'orders'"],
    [{ targetArn: CLUSTER_NAMESPACE, sources: ['arn:aws:rds:us-west-2:123456789012:cluster:*'] }, "without wildcards, got: 'arn:aws:rds:us-west-2:123456789012:cluster:*'"],
    [{ targetArn: CLUSTER_NAMESPACE, sources: [AURORA, AURORA] }, `\`sources\` lists '${AURORA}' more than once`],
    [{ targetArn: CLUSTER_NAMESPACE, sources: [AURORA], creatorAccounts: [] }, '`creatorAccounts` must list at least one account: leave it out to authorize none'],
    [{ targetArn: CLUSTER_NAMESPACE, sources: [AURORA], creatorAccounts: ['arn:aws:iam::210987654321:root'] },
      "`creatorAccounts` must be a 12-digit AWS account ID, got: 'arn:aws:iam::210987654321:root'"],
  ])('rejects %j', (options, message) => {
    expect(() => RedshiftPermissions.integrationResourcePolicy(options)).toThrow(message);
  });
});
