import { readFileSync } from 'fs';
import { join } from 'path';
import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { gatePendingPolicies, registerForLint } from './helpers/cfn-lint';
import { arnsIntersect, checkPolicy, findPolicies, gateTemplate, materializeForGate, STAR_RESOURCE_ALLOWLIST, UNKNOWN } from './helpers/policy-gate';
import { ACCOUNT, newApp, REGION } from './helpers/synth';

// The gate over every synthesized policy (issue 21) must be able to fail: each kind of defect it
// looks for is caught here, and a correct policy passes.

const identity = (...Statement: any[]) => ({ Version: '2012-10-17', Statement });
const rules = async (doc: any, kind: 'identity' | 'trust' | 'resource' = 'identity', self?: string) =>
  (await checkPolicy(doc, kind, self)).map((f) => f.rule);

describe('actions', () => {
  test('a misspelt action', async () => {
    const found = await checkPolicy(identity({ Effect: 'Allow', Action: 's3:GetObjekt', Resource: 'arn:aws:s3:::b/*' }), 'identity');
    expect(found).toEqual([expect.objectContaining({ rule: 'unknown-action', path: 'Statement/0', message: expect.stringContaining('s3:GetObjekt') })]);
  });

  test('a misspelt service', async () => {
    expect(await rules(identity({ Effect: 'Allow', Action: 'redshfit:DescribeClusters', Resource: '*' }))).toEqual(['unknown-service']);
  });

  test('a wildcard action that matches no action', async () => {
    expect(await rules(identity({ Effect: 'Allow', Action: 's3:Fetch*', Resource: 'arn:aws:s3:::b/*' }))).toEqual(['action-pattern-matches-nothing']);
  });

  test('a wildcard action that matches actions, in any case', async () => {
    expect(await rules(identity({ Effect: 'Allow', Action: ['s3:getobject*', 'S3:PutObj?ct'], Resource: 'arn:aws:s3:::b/*' }))).toEqual([]);
  });
});

describe('resources', () => {
  test('an S3 object action on a bucket ARN', async () => {
    const found = await rules(identity({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::my-bucket' }));
    expect(found).toEqual(['resource-mismatch', 'action-without-resource']);
  });

  test('a bucket action given only object ARNs is a dead grant', async () => {
    const found = await checkPolicy(identity({ Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: 'arn:aws:s3:::my-bucket/*' }), 'identity');
    expect(found).toEqual([expect.objectContaining({ rule: 'action-without-resource', message: expect.stringContaining('s3:ListBucket') })]);
  });

  test('a `*` resource on an action that has resource types', async () => {
    expect(await rules(identity({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }))).toEqual(['wildcard-resource']);
    expect(await rules(identity({ Effect: 'Allow', Action: ['kinesis:ListStreams', 'kinesis:GetRecords'], Resource: '*' }))).toEqual(['wildcard-resource']);
  });

  test('a `*` resource where the action has no resource type, or the README lists it', async () => {
    expect(await rules(identity({ Effect: 'Allow', Action: ['kinesis:ListStreams', 'ecr:GetAuthorizationToken'], Resource: '*' }))).toEqual([]);
    expect(Object.keys(STAR_RESOURCE_ALLOWLIST).length).toBeGreaterThan(0);
    for (const reason of Object.values(STAR_RESOURCE_ALLOWLIST)) expect(reason).toContain('README "Resources that must be `*`"');
    expect(await rules(identity({ Effect: 'Allow', Action: 'redshift:DescribeClusters', Resource: '*' }))).toEqual([]);
    // A Deny on `*` is not a grant.
    expect(await rules(identity({ Effect: 'Deny', Action: 's3:GetObject', Resource: '*' }))).toEqual([]);
  });

  test('every allowlisted `*` action is in the README\'s table "Resources that must be `*`"', () => {
    const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf-8');
    const start = readme.indexOf('### Resources that must be `*`');
    expect(start).toBeGreaterThanOrEqual(0);
    const section = readme.slice(start, readme.indexOf('\n### ', start + 1));
    const listed = [...section.matchAll(/^\| `([a-z0-9-]+:[A-Za-z0-9]+)` \|/gm)].map((m) => m[1].toLowerCase());
    for (const action of Object.keys(STAR_RESOURCE_ALLOWLIST)) expect(listed).toContain(action);
  });

  test('an action that has no resource type, given a named resource', async () => {
    expect(await rules(identity({ Effect: 'Allow', Action: 'kinesis:ListStreams', Resource: 'arn:aws:kinesis:us-west-2:123456789012:stream/s' })))
      .toEqual(['resource-mismatch', 'action-without-resource']);
  });

  test('a resource of the wrong service or shape', async () => {
    expect(await rules(identity({ Effect: 'Allow', Action: 'kms:Decrypt', Resource: 'arn:aws:s3:::b/*' }))).toContain('resource-mismatch');
    // A Region-less KMS key ARN matches no key.
    expect(await rules(identity({ Effect: 'Allow', Action: 'kms:Decrypt', Resource: 'arn:aws:kms::123456789012:key/abc' }))).toContain('resource-mismatch');
  });

  test('IAM\'s wildcard rules', () => {
    const bucket = 'arn:${Partition}:s3:::${BucketName}';
    const object = 'arn:${Partition}:s3:::${BucketName}/${ObjectName}';
    expect(arnsIntersect('arn:aws:s3:::b', bucket)).toBe(true);
    expect(arnsIntersect('arn:aws:s3:::b', object)).toBe(false);
    expect(arnsIntersect('arn:aws:s3:::b/*', bucket)).toBe(false);
    expect(arnsIntersect('arn:aws:s3:::b/*', object)).toBe(true);
    expect(arnsIntersect('arn:aws:s3:::b/a:b/c', object)).toBe(true);
    expect(arnsIntersect('arn:aws:s3:::*', bucket)).toBe(true);
    expect(arnsIntersect('arn:aws:s3:::*', object)).toBe(true);
    expect(arnsIntersect('arn:aws:s3:::b?', bucket)).toBe(true);
    expect(arnsIntersect('arn:aws:s3:::', bucket)).toBe(false);
    expect(arnsIntersect('arn:aws:iam::123456789012:role/path/to/R', 'arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}')).toBe(true);
    expect(arnsIntersect('arn:aws:lambda:us-west-2:123456789012:function:f:*', 'arn:${Partition}:lambda:${Region}:${Account}:function:${FunctionName}')).toBe(false);
    expect(arnsIntersect('arn:aws:lambda:us-west-2:123456789012:function:f:*', 'arn:${Partition}:lambda:${Region}:${Account}:function:${FunctionName}:${Alias}')).toBe(true);
    expect(arnsIntersect(`arn:aws:redshift:us-west-2:${UNKNOWN}:dbuser:c/u`, 'arn:${Partition}:redshift:${Region}:${Account}:dbuser:${ClusterName}/${DbUser}')).toBe(true);
    expect(arnsIntersect('arn:aws:redshift:us-west-2:123456789012:dbuser:c/u', 'arn:${Partition}:redshift:${Region}:${Account}:dbname:${ClusterName}/${DbName}')).toBe(false);
  });
});

describe('condition keys', () => {
  test('a condition key invalid for the action', async () => {
    const found = await checkPolicy(identity({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::b/*',
      Condition: { StringEquals: { 'redshift:DbUser': 'u' } },
    }), 'identity');
    expect(found).toEqual([expect.objectContaining({ rule: 'invalid-condition-key', message: expect.stringContaining('redshift:DbUser') })]);
  });

  test('a condition key that does not exist', async () => {
    expect(await rules(identity({
      Effect: 'Allow',
      Action: 'kms:Decrypt',
      Resource: 'arn:aws:kms:us-west-2:123456789012:key/k',
      Condition: { StringEquals: { 'kms:ViaServise': 's3.us-west-2.amazonaws.com' } },
    }))).toEqual(['invalid-condition-key']);
    expect(await rules(identity({
      Effect: 'Allow',
      Action: 's3:ListBucket',
      Resource: 'arn:aws:s3:::b',
      Condition: { StringEquals: { 'aws:SourceAcount': '123456789012' } },
    }))).toEqual(['invalid-condition-key']);
  });

  test('tag keys only where the action or its resource types take them', async () => {
    expect(await rules(identity({
      Effect: 'Allow',
      Action: 'redshift:PauseCluster',
      Resource: 'arn:aws:redshift:us-west-2:123456789012:cluster:*',
      Condition: { StringEquals: { 'aws:ResourceTag/team': 'a' } },
    }))).toEqual([]);
    expect(await rules(identity({
      Effect: 'Allow',
      Action: 'kinesis:ListStreams',
      Resource: '*',
      Condition: { StringEquals: { 'aws:RequestTag/team': 'a' } },
    }))).toEqual(['invalid-condition-key']);
  });

  test('keys with variables, global keys, and keys valid for only some actions under IfExists', async () => {
    expect(await rules(identity({
      Effect: 'Allow',
      Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
      Resource: 'arn:aws:kms:us-west-2:123456789012:key/k',
      Condition: {
        'StringEquals': { 'kms:EncryptionContext:aws:s3:arn': 'arn:aws:s3:::b', 'aws:SourceAccount': '123456789012', 'aws:PrincipalTag/team': 'a' },
        'ForAnyValue:StringEquals': { 'kms:EncryptionContextKeys': 'aws:s3:arn' },
      },
    }))).toEqual([]);
    expect(await rules(identity({
      Effect: 'Allow',
      Action: ['s3:ListBucket', 's3:GetObject'],
      Resource: ['arn:aws:s3:::b', 'arn:aws:s3:::b/*'],
      Condition: { StringLikeIfExists: { 's3:prefix': 'data/*' } },
    }))).toEqual([]);
    expect(await rules(identity({
      Effect: 'Allow',
      Action: ['s3:ListBucket', 's3:GetObject'],
      Resource: ['arn:aws:s3:::b', 'arn:aws:s3:::b/*'],
      Condition: { StringLike: { 's3:prefix': 'data/*' } },
    }))).toEqual(['invalid-condition-key']);
  });

  test('trust policy keys', async () => {
    expect(await rules({
      Version: '2012-10-17',
      Statement: [{
        Effect: 'Allow',
        Principal: { Service: 'redshift.amazonaws.com' },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'aws:SourceAccount': '123456789012', 'sts:ExternalId': 'x' } },
      }, {
        Effect: 'Allow',
        Principal: { Federated: 'arn:aws:iam::123456789012:oidc-provider/oidc.example.com' },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { StringEquals: { 'oidc.example.com:aud': 'sts.amazonaws.com', 'token.actions.githubusercontent.com:sub': 'repo:o/r:ref:refs/heads/main' } },
      }],
    }, 'trust')).toEqual([]);
    expect(await rules({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'redshift.amazonaws.com' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'redshift:DbUser': 'x' } } }],
    }, 'trust')).toEqual(['invalid-condition-key']);
  });
});

describe('structure (iam-policy)', () => {
  test('a structurally bad identity policy', async () => {
    const found = await checkPolicy(identity(
      { Effect: 'Allowed', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' },
      { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' },
      { Sid: 'Dup', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' },
      { Sid: 'Dup', Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::b/*', Condition: { StringEqualz: { 's3:prefix': 'x' } } },
    ), 'identity');
    const structural = found.filter((f) => f.rule === 'structure');
    expect(structural.map((f) => f.path)).toEqual(expect.arrayContaining([
      expect.stringMatching(/^Statement\/0/), expect.stringMatching(/^Statement\/1/), expect.stringMatching(/^Statement\/3/),
    ]));
    expect(structural.map((f) => f.message).join('\n')).toMatch(/Effect/);
    expect(structural.map((f) => f.message).join('\n')).toMatch(/Principal is not allowed/);
    expect(structural.map((f) => f.message).join('\n')).toMatch(/Condition operator StringEqualz is not one of IAM's condition operators/);
  });

  test('a trust policy with a Resource, and a resource policy', async () => {
    expect(await rules({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'redshift.amazonaws.com' }, Action: 'sts:AssumeRole', Resource: '*' }],
    }, 'trust')).toEqual(['structure']);
    expect(await rules({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }],
    }, 'resource')).toEqual(['structure']);
  });
});

test('a correct policy passes', async () => {
  expect(await checkPolicy(identity(
    { Effect: 'Allow', Action: ['s3:GetObject', 's3:GetObjectVersion'], Resource: 'arn:aws:s3:::bucket/prefix/*' },
    { Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::bucket', Condition: { StringLike: { 's3:prefix': ['prefix/*'] } } },
    { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::210987654321:role/RoleB' },
    { Effect: 'Allow', Action: 'redshift:GetClusterCredentials', Resource: ['arn:aws:redshift:us-west-2:123456789012:dbuser:c/u', 'arn:aws:redshift:us-west-2:123456789012:dbname:c/dev'] },
    { Effect: 'Allow', Action: 'kms:Decrypt', Resource: 'arn:aws:kms:us-west-2:123456789012:key/1234', Condition: { StringEquals: { 'kms:ViaService': 's3.us-west-2.amazonaws.com' } } },
  ), 'identity')).toEqual([]);
});

describe('templates', () => {
  const stack = () => new Stack(newApp(), 'GateStack', { env: { account: ACCOUNT, region: REGION } });

  test('a correct template: roles, grants, a bucket policy and a key policy', async () => {
    const s = stack();
    const key = new kms.Key(s, 'Key');
    const bucket = new s3.Bucket(s, 'Bucket', { encryptionKey: key, enforceSSL: true });
    const role = new iam.Role(s, 'Role', { assumedBy: new iam.ServicePrincipal('redshift.amazonaws.com') });
    bucket.grantReadWrite(role);
    const template = Template.fromStack(s).toJSON();
    const kinds = findPolicies(template).map((p) => `${p.resourceType}:${p.kind}`).sort();
    expect(kinds).toEqual(['AWS::IAM::Policy:identity', 'AWS::IAM::Role:trust', 'AWS::KMS::Key:resource', 'AWS::S3::BucketPolicy:resource']);
    expect(await gateTemplate('ok', template)).toEqual([]);
  });

  test('a defect is reported with the stack, logical ID, property path and statement index', async () => {
    const s = stack();
    const bucket = new s3.Bucket(s, 'Bucket');
    const role = new iam.Role(s, 'Role', { assumedBy: new iam.ServicePrincipal('redshift.amazonaws.com') });
    role.addToPolicy(new iam.PolicyStatement({ actions: ['s3:ListBucket'], resources: [bucket.bucketArn] }));
    role.addToPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: [bucket.bucketArn] }));
    const template = Template.fromStack(s).toJSON();
    const roleId = s.getLogicalId(role.node.defaultChild as iam.CfnRole);
    const policyId = Object.keys(template.Resources).find((id) => template.Resources[id].Type === 'AWS::IAM::Policy')!;
    const found = await gateTemplate('test-GateStack', template);
    expect(found).toEqual([
      expect.objectContaining({ template: 'test-GateStack', path: `${policyId}/Properties/PolicyDocument/Statement/1`, rule: 'resource-mismatch' }),
      expect.objectContaining({ template: 'test-GateStack', path: `${policyId}/Properties/PolicyDocument/Statement/1`, rule: 'action-without-resource' }),
    ]);
    expect(roleId).toBeDefined();
  });

  test('intrinsics are materialized; what cannot be known matches anything', () => {
    const template = {
      Resources: { B: { Type: 'AWS::S3::Bucket', Properties: { BucketName: 'bkt' } }, Q: { Type: 'AWS::SQS::Queue', Properties: {} } },
      Parameters: { P: { Type: 'String' } },
    };
    expect(materializeForGate(template, {
      a: { 'Fn::Join': ['', [{ 'Fn::GetAtt': ['B', 'Arn'] }, '/*']] },
      b: { 'Fn::Sub': 'arn:${AWS::Partition}:s3:::${B}/${!Literal}' },
      c: { 'Fn::ImportValue': 'Other:Export' },
      d: { Ref: 'P' },
      e: { 'Fn::GetAtt': ['Q', 'Arn'] },
      f: [{ Ref: 'AWS::NoValue' }, 'x'],
    })).toEqual({
      a: 'arn:aws:s3:::bkt/*',
      b: 'arn:aws:s3:::bkt/${Literal}',
      c: UNKNOWN,
      d: UNKNOWN,
      e: 'arn:aws:sqs:us-west-2:123456789012:Q',
      f: ['x'],
    });
  });
});

describe('where the gate looks', () => {
  test('a key policy\'s `*` is the key itself', async () => {
    const keyArn = 'arn:aws:kms:us-west-2:123456789012:key/k';
    const keyPolicy = (Action: string) => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action, Resource: '*' }] });
    expect(await rules(keyPolicy('kms:*'), 'resource', keyArn)).toEqual([]);
    expect(await rules(keyPolicy('s3:GetObject'), 'resource', keyArn)).toEqual(['resource-mismatch', 'action-without-resource']);
  });

  test('a name that is itself an intrinsic is materialized', () => {
    const template = {
      Resources: { R: { Type: 'AWS::IAM::Role', Properties: { RoleName: { 'Fn::Join': ['-', ['app', { Ref: 'AWS::Region' }]] } } } },
    };
    expect(materializeForGate(template, { 'Fn::GetAtt': ['R', 'Arn'] })).toBe('arn:aws:iam::123456789012:role/app-us-west-2');
  });

  test('a test fixture\'s defect is excepted in its own test file only', async () => {
    const template = {
      Resources: {
        P: { Type: 'AWS::IAM::ManagedPolicy', Properties: { PolicyDocument: identity({ Effect: 'Allow', Action: 's3:*', Resource: '*' }) } },
      },
    };
    expect(await gateTemplate('t', template, { testFile: 'test/redshift-iam-checks.test.ts' })).toEqual([]);
    expect((await gateTemplate('t', template, { testFile: 'test/other.test.ts' })).map((f) => f.rule)).toEqual(['wildcard-resource']);
  });
});

test('the hook fails with the policy\'s path', async () => {
  const s = new Stack(newApp(), 'HookStack', { env: { account: ACCOUNT, region: REGION } });
  const bucket = new s3.Bucket(s, 'Bucket');
  new iam.ManagedPolicy(s, 'Policy', { statements: [new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: [bucket.bucketArn] })] });
  const saved = process.env.POLICY_GATE_REPORT;
  delete process.env.POLICY_GATE_REPORT;
  try {
    registerForLint('hook-test-HookStack', Template.fromStack(s).toJSON());
    await expect(gatePendingPolicies()).rejects.toThrow(/test\/policy-gate\.test\.ts › hook-test-HookStack Policy\w*\/Properties\/PolicyDocument\/Statement\/0: Resource arn:aws:s3:::\S+ matches no resource type of s3:GetObject/);
  } finally {
    if (saved !== undefined) process.env.POLICY_GATE_REPORT = saved;
  }
});
