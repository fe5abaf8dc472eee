import { aws_iam as iam, aws_s3 as s3, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { ClusterRoleAssociation, RedshiftServiceRole } from '../src';
import { envOf, materialize, PolicyDoc, roleMay, roleView } from './helpers/iam';
import { newApp, newStack, synth } from './helpers/synth';

/** IAM's quotas, and how IAM counts a policy: its JSON without white space. */
const INLINE_QUOTA = 10_240;
const MANAGED_QUOTA = 6_144;
const MANAGED_PER_ROLE = 10;
const iamSize = (doc: PolicyDoc) => JSON.stringify(doc).length;

/** Every policy that holds statements of `role`, materialized as IAM would store it. */
function policiesOf(stack: Stack, role: iam.IRole) {
  const json = Template.fromStack(stack).toJSON();
  const logicalId = stack.getLogicalId(role.node.defaultChild as iam.CfnRole);
  const attached = (r: any) => (r.Properties.Roles ?? []).some((x: any) => x?.Ref === logicalId);
  const of = (type: string) => Object.values<any>(json.Resources)
    .filter((r) => r.Type === type && attached(r))
    .map((r) => materialize(json, r.Properties.PolicyDocument, envOf(stack)) as PolicyDoc);
  return { inline: of('AWS::IAM::Policy'), managed: of('AWS::IAM::ManagedPolicy') };
}

describe('a role granted 200 bucket prefixes', () => {
  const stack = newStack();
  const role = new RedshiftServiceRole(stack, 'Role', { roleName: 'ManyPrefixes' });
  const buckets = [0, 1, 2, 3].map((b) => s3.Bucket.fromBucketName(stack, `B${b}`, `analytics-landing-zone-${b}`));
  for (let i = 0; i < 200; i++) {
    role.allowCopyFrom(buckets[i % 4], { keyPrefix: `source-system-${i}/daily-extracts/` });
  }
  const template = synth(stack);
  const { inline, managed } = policiesOf(stack, role);

  test('every synthesized policy fits IAM\'s quotas, measured as IAM counts', () => {
    const inlineTotal = inline.map(iamSize).reduce((a, b) => a + b, 0);
    expect(inlineTotal).toBeLessThanOrEqual(INLINE_QUOTA);
    managed.forEach((doc) => expect(iamSize(doc)).toBeLessThanOrEqual(MANAGED_QUOTA));
    expect(managed.length).toBeGreaterThan(0); // it did overflow
    expect(managed.length).toBeLessThanOrEqual(MANAGED_PER_ROLE);
    template.resourceCountIs('AWS::IAM::ManagedPolicy', managed.length);
  });

  test('statements are merged: one ListBucket and one GetObject statement per bucket and policy', () => {
    for (const doc of [...inline, ...managed]) {
      const list = doc.Statement.filter((s) => s.Action === 's3:ListBucket');
      const listedBuckets = list.map((s) => s.Resource);
      expect(new Set(listedBuckets).size).toBe(listedBuckets.length);
    }
    const statements = [...inline, ...managed].flatMap((d) => d.Statement).length;
    expect(statements).toBeLessThan(40);
  });

  test('IAM still allows every prefix and nothing else', async () => {
    const view = roleView(role, template);
    for (const i of [0, 1, 99, 150, 199]) {
      const bucket = `arn:aws:s3:::analytics-landing-zone-${i % 4}`;
      expect(await roleMay(view, 's3:GetObject', `${bucket}/source-system-${i}/daily-extracts/part-0`)).toBe('Allowed');
      expect(await roleMay(view, 's3:ListBucket', bucket, { 's3:prefix': `source-system-${i}/daily-extracts/` })).toBe('Allowed');
    }
    // neighbours: a prefix of another bucket, a prefix never granted
    expect(await roleMay(view, 's3:GetObject', 'arn:aws:s3:::analytics-landing-zone-1/source-system-0/daily-extracts/part-0')).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 's3:GetObject', 'arn:aws:s3:::analytics-landing-zone-0/source-system-200/daily-extracts/part-0')).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 's3:ListBucket', 'arn:aws:s3:::analytics-landing-zone-0', { 's3:prefix': 'source-system-1/' })).toBe('ImplicitlyDenied');
  });
});

describe('when nothing can fit', () => {
  test('more statements than 10 managed policies hold is a clear synth error', () => {
    const stack = newStack();
    const role = new RedshiftServiceRole(stack, 'Role');
    const bucket = s3.Bucket.fromBucketName(stack, 'B', 'analytics-landing-zone');
    expect(() => {
      for (let i = 0; i < 3000; i++) role.allowCopyFrom(bucket, { keyPrefix: `a-rather-long-source-system-name-${i}/daily-extracts/` });
    }).toThrow(/RedshiftServiceRole 'TestStack\/Role': its statements need more than the 10 managed policies IAM attaches to a role by default \(10 generated, 0 attached by you\).*split the grants across several roles/);
  });

  test('managed policies the user attached count toward the 10', () => {
    const stack = newStack();
    const mine = Array.from({ length: 10 }, (_, i) => iam.ManagedPolicy.fromManagedPolicyName(stack, `P${i}`, `Mine${i}`));
    const role = new RedshiftServiceRole(stack, 'Role', { managedPolicies: mine });
    const bucket = s3.Bucket.fromBucketName(stack, 'B', 'analytics-landing-zone');
    expect(() => {
      for (let i = 0; i < 400; i++) role.allowCopyFrom(bucket, { keyPrefix: `a-rather-long-source-system-name-${i}/daily-extracts/` });
    }).toThrow(/\(0 generated, 10 attached by you\)/);
  });
});

describe('many associations in one stack', () => {
  test('each association\'s access role stays within IAM\'s quotas, with one handler per stack', () => {
    const stack = newStack();
    const roles = Array.from({ length: 50 }, (_, i) => new RedshiftServiceRole(stack, `Role${i}`));
    for (let i = 0; i < 120; i++) {
      new ClusterRoleAssociation(stack, `Attach${i}`, { clusterIdentifier: `analytics-cluster-${i}`, roles: i === 0 ? roles : [roles[i % 50]] });
    }
    const template = synth(stack);
    const accessRoles = stack.node.findAll().filter((c): c is iam.Role => c instanceof iam.Role && c.node.id.startsWith('AccessRole'));
    expect(accessRoles).toHaveLength(120);
    for (const role of accessRoles) {
      const { inline, managed } = policiesOf(stack, role);
      expect(inline.map(iamSize).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(INLINE_QUOTA);
      expect(managed).toEqual([]);
    }
    template.resourceCountIs('AWS::Lambda::Function', 1 + 0);
  });

  test('a stack over CloudFormation\'s 500 resources is a synth error naming the stack', () => {
    const app = newApp();
    const stack = new Stack(app, 'TooBig', { env: { account: '123456789012', region: 'us-west-2' } });
    for (let i = 0; i < 170; i++) {
      const role = new RedshiftServiceRole(stack, `Role${i}`);
      role.allowCopyFrom(s3.Bucket.fromBucketName(stack, `B${i}`, `bucket-${i}`));
      new ClusterRoleAssociation(stack, `Attach${i}`, { clusterIdentifier: `cluster-${i}`, roles: [role] });
    }
    expect(() => app.synth()).toThrow(/Number of resources in stack 'TooBig': \d+ is greater than allowed maximum of 500/);
  });
});
