import { Annotations, Aspects, aws_iam as iam, aws_s3 as s3, Stack, Validations } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { ClusterRoleAssociation, RedshiftIamChecks, RedshiftServiceRole } from '../../src';
import { isAcknowledged } from '../../src/private/acknowledgements';
import { newStack } from '../helpers/synth';

const ID = 'cdk-redshift-iam:roles-per-cluster';

function acknowledgedWith(key: string): { stack: Stack; child: Construct } {
  const stack = newStack();
  const child = new Construct(stack, 'Child');
  stack.node.addMetadata(Validations.ACKNOWLEDGED_RULES_METADATA_KEY, { [key]: 'a reason' });
  return { stack, child };
}

describe('isAcknowledged', () => {
  test.each([
    ['aws-cdk-lib before 2.262.1 (annotation::)', `annotation::${ID}`],
    ['aws-cdk-lib 2.262.1 and later (Annotation::)', `Annotation::${ID}`],
    ['the bare id', ID],
  ])('reads an acknowledgement on a parent as %s writes it', (_version, key) => {
    const { child } = acknowledgedWith(key);
    expect(isAcknowledged(child, ID)).toBe(true);
    expect(isAcknowledged(child, 'cdk-redshift-iam:role-account')).toBe(false);
  });

  test('reads what this aws-cdk-lib\'s Validations.acknowledge records', () => {
    const stack = newStack();
    Validations.of(stack).acknowledge({ id: ID, reason: 'our quota is raised' });
    expect(isAcknowledged(new Construct(stack, 'Child'), ID)).toBe(true);
  });
});

/**
 * Every kind of finding of this library, and the calls the README gives to silence it, with the id
 * in each form a user is shown: the bare id (in the message), and `Annotation::<id>` (the CDK CLI's
 * "Acknowledge with '...'" hint). The same matrix runs on the newest aws-cdk-lib in scripts/compat.
 */
describe('acknowledging each kind of finding', () => {
  const BROAD = 'cdk-redshift-iam:broad-managed-policy';
  const CROSS = 'cdk-redshift-iam:crossAccountGrant';
  const TRUST = 'cdk-redshift-iam:trust-region';

  /** A stack with a RedshiftIamChecks warning, an advice warning and an association error. */
  function findings(acknowledge: (s: { stack: Stack; role: RedshiftServiceRole }) => void): string[] {
    const stack = newStack();
    const role = new RedshiftServiceRole(stack, 'Role', { regions: ['us-east-1'], managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonS3FullAccess')] });
    role.allowCopyFrom(s3.Bucket.fromBucketAttributes(stack, 'Other', { bucketName: 'their-bucket', account: '210987654321' }));
    new ClusterRoleAssociation(stack, 'Attach', { clusterIdentifier: 'my-cluster', roles: [role] });
    acknowledge({ stack, role });
    Aspects.of(stack).add(new RedshiftIamChecks());
    let error = '';
    try {
      (stack.node.root as any).synth();
    } catch (e) {
      error = (e as Error).message;
    }
    // The warnings as the CLI would print them (the metadata of every construct, after synthesis ran).
    const warnings = stack.node.findAll().flatMap((c) => c.node.metadata).filter((m) => m.type === 'aws:cdk:warning').map((m) => String(m.data));
    return [BROAD, CROSS, TRUST].filter((id) => error.includes(id) || warnings.some((w) => w.includes(id)));
  }

  test('without acknowledgement, each is reported', () => {
    expect(findings(() => undefined)).toEqual([BROAD, CROSS, TRUST]);
  });

  test.each([
    ['the bare id', (id: string) => id],
    ['the form the CDK CLI shows (Annotation::<id>)', (id: string) => `Annotation::${id}`],
    ['the form aws-cdk-lib 2.257 records (annotation::<id>)', (id: string) => `annotation::${id}`],
  ])('Validations.of(stack).acknowledge silences every finding, with %s', (_what, form) => {
    expect(findings(({ stack }) => [BROAD, CROSS, TRUST].forEach((id) => Validations.of(stack).acknowledge({ id: form(id), reason: 'known' })))).toEqual([]);
  });

  test('Validations.of(role).acknowledge, after the role reported its warning, on the role itself (the error is the association\'s)', () => {
    expect(findings(({ role }) => [BROAD, CROSS, TRUST].forEach((id) => Validations.of(role).acknowledge({ id, reason: 'known' })))).toEqual([TRUST]);
  });

  test('Annotations.of(role).acknowledgeWarning(<bare id>) after the grant: the warnings of that role', () => {
    expect(findings(({ role }) => [BROAD, CROSS].forEach((id) => Annotations.of(role).acknowledgeWarning(id, 'known')))).toEqual([TRUST]);
  });

  test('Annotations.of(stack).acknowledgeWarning(<bare id>) silences the warnings (errors cannot be acknowledged that way)', () => {
    expect(findings(({ stack }) => [BROAD, CROSS, TRUST].forEach((id) => Annotations.of(stack).acknowledgeWarning(id, 'known')))).toEqual([TRUST]);
  });

  test('Annotations.acknowledgeWarning with the CLI\'s Annotation::<id> does nothing (aws-cdk-lib matches the bare id only)', () => {
    expect(findings(({ stack }) => [BROAD, CROSS].forEach((id) => Annotations.of(stack).acknowledgeWarning(`Annotation::${id}`, 'known')))).toEqual([BROAD, CROSS, TRUST]);
  });
});
