import { aws_iam as iam, aws_s3 as s3, Duration, Lazy, Stack, Token, Validations } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { DatabaseUser, RedshiftServiceRole } from '../src';
import { assume, roleView } from './helpers/iam';
import { ACCOUNT, newApp, newStack, synth } from './helpers/synth';
import { expectedTrust, trustStatement } from './helpers/trust';
import { policySize } from '../src/private/policy-size';

const USER1 = 'arn:aws:redshift:us-west-2:123456789012:dbuser:my-cluster/user1';
const USER2 = 'arn:aws:redshift:us-west-2:123456789012:dbuser:my-cluster/user2';

describe('RedshiftServiceRole trust', () => {
  test('default trust is exactly the seed default', () => {
    // GIVEN
    const stack = newStack();
    // WHEN
    new RedshiftServiceRole(stack, 'Role');
    // THEN
    synth(stack).hasResourceProperties('AWS::IAM::Role', { AssumeRolePolicyDocument: expectedTrust(trustStatement('redshift.amazonaws.com')) });
  });

  test('regions: the Regional principals of the seed, and no global principal', () => {
    const stack = newStack();
    new RedshiftServiceRole(stack, 'Role', { regions: ['us-east-1', 'us-west-2'] });
    synth(stack).hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: expectedTrust(trustStatement(['redshift.us-east-1.amazonaws.com', 'redshift.us-west-2.amazonaws.com'])),
    });
  });

  test('databaseUsers: a StringEquals sts:ExternalId condition as in the seed', () => {
    const stack = newStack();
    new RedshiftServiceRole(stack, 'Role', {
      databaseUsers: [DatabaseUser.inCluster('my-cluster', 'user1'), DatabaseUser.inCluster('my-cluster', 'user2')],
    });
    synth(stack).hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: expectedTrust(trustStatement('redshift.amazonaws.com', { StringEquals: { 'sts:ExternalId': [USER1, USER2] } })),
    });
  });

  test('addDatabaseUser / addExternalId grow the same single statement after construction', () => {
    const stack = newStack();
    const role = new RedshiftServiceRole(stack, 'Role');
    role.addDatabaseUser(DatabaseUser.fromArn(USER1));
    role.addExternalId('partner-etl-7');
    const template = synth(stack);
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [{
          Principal: { Service: 'redshift.amazonaws.com' },
          Action: 'sts:AssumeRole',
          Condition: { StringEquals: { 'sts:ExternalId': [USER1, 'partner-etl-7'] } },
        }],
      },
    });
    expect(role.externalIds).toEqual([USER1, 'partner-etl-7']);
  });

  test('a single user renders as a single value', () => {
    const stack = newStack();
    new RedshiftServiceRole(stack, 'Role', { externalIds: ['only-one'] });
    synth(stack).hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Condition: { StringEquals: { 'sts:ExternalId': 'only-one' } } })] },
    });
  });

  test('serverless trusts redshift-serverless.amazonaws.com and redshift.amazonaws.com', () => {
    const stack = newStack();
    new RedshiftServiceRole(stack, 'Role', { serverless: true });
    synth(stack).hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [trustStatement(['redshift.amazonaws.com', 'redshift-serverless.amazonaws.com'])] },
    });
  });

  test('Token users and external IDs pass through', () => {
    const stack = newStack();
    const role = new RedshiftServiceRole(stack, 'Role', {
      externalIds: [Token.asString({ Ref: 'ExternalIdParam' })],
      databaseUsers: [DatabaseUser.inCluster(Token.asString({ Ref: 'ClusterParam' }), 'etl')],
    });
    expect(stack.resolve(role.externalIds)).toEqual([
      { 'Fn::Join': ['', ['arn:aws:redshift:us-west-2:123456789012:dbuser:', { Ref: 'ClusterParam' }, '/etl']] },
      { Ref: 'ExternalIdParam' },
    ]);
  });
});

describe('RedshiftServiceRole as an iam.IRole', () => {
  test('role props pass through to the role', () => {
    const stack = newStack();
    const boundary = new iam.ManagedPolicy(stack, 'Boundary', {
      statements: [new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::b/*'] })],
    });
    const managed = iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonS3ReadOnlyAccess');
    new RedshiftServiceRole(stack, 'Role', {
      roleName: 'RedshiftCopyUnload',
      description: 'COPY and UNLOAD',
      path: '/redshift/',
      maxSessionDuration: Duration.hours(4),
      permissionsBoundary: boundary,
      managedPolicies: [managed],
    });
    synth(stack).hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'RedshiftCopyUnload',
      Description: 'COPY and UNLOAD',
      Path: '/redshift/',
      MaxSessionDuration: 14400,
      PermissionsBoundary: { Ref: Match.stringLikeRegexp('Boundary') },
      ManagedPolicyArns: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/AmazonS3ReadOnlyAccess']] }],
    });
  });

  test('grantPrincipal is the role and other grants land in its access policy', () => {
    const stack = newStack();
    const role = new RedshiftServiceRole(stack, 'Role');
    expect(role.grantPrincipal).toBe(role);
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: ['arn:aws:sqs:us-west-2:123456789012:q'] }));
    synth(stack).hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: Match.stringLikeRegexp('^Role') }],
      PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: 'arn:aws:sqs:us-west-2:123456789012:q' }] },
    });
  });

  test('a statement the user passes is never changed by the merges: not the object, not the other roles it is added to', () => {
    // GIVEN one statement object added to two roles
    const stack = newStack();
    const first = new RedshiftServiceRole(stack, 'First');
    const second = new RedshiftServiceRole(stack, 'Second');
    const shared = new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: ['arn:aws:sqs:us-west-2:123456789012:a'] });
    first.addToPrincipalPolicy(shared);
    second.addToPrincipalPolicy(shared);
    // WHEN the first role gets another queue with the same action (merged into one statement)
    first.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: ['arn:aws:sqs:us-west-2:123456789012:b'] }));
    // THEN the merge is in the first role's policy only
    const template = synth(stack);
    const statementsOf = (role: RedshiftServiceRole) => Object.values<any>(template.findResources('AWS::IAM::Policy'))
      .filter((p) => p.Properties.Roles[0].Ref === stack.getLogicalId(role.node.defaultChild as iam.CfnRole))
      .flatMap((p) => p.Properties.PolicyDocument.Statement);
    expect(statementsOf(first)).toEqual([{ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: ['arn:aws:sqs:us-west-2:123456789012:a', 'arn:aws:sqs:us-west-2:123456789012:b'] }]);
    expect(statementsOf(second)).toEqual([{ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: 'arn:aws:sqs:us-west-2:123456789012:a' }]);
    expect(shared.resources).toEqual(['arn:aws:sqs:us-west-2:123456789012:a']);
  });

  test('a grant\'s statements are the statements of the role\'s policy, later grants merged in', () => {
    // GIVEN two COPY grants of one role, on two buckets
    const stack = newStack();
    const role = new RedshiftServiceRole(stack, 'Role');
    const first = role.allowCopyFrom(s3.Bucket.fromBucketName(stack, 'A', 'bucket-a'), { keyPrefix: 'in/' });
    role.allowCopyFrom(s3.Bucket.fromBucketName(stack, 'B', 'bucket-b'), { keyPrefix: 'in/' });
    // THEN the first grant's s3:GetObject statement is the one in the policy, which now holds both buckets
    const inPolicy = (role.node.findChild('AccessPolicy') as iam.Policy).document;
    const getObject = first.principalStatements.find((s) => s.actions.includes('s3:GetObject'))!;
    expect(stack.resolve(inPolicy).Statement).toContainEqual(stack.resolve(getObject.toStatementJson()));
    expect(getObject.resources).toEqual(['arn:aws:s3:::bucket-a/in/*', 'arn:aws:s3:::bucket-b/in/*']);
  });

  test('iamRoleClause is literal text when the role name and account are known', () => {
    const stack = newStack();
    const role = new RedshiftServiceRole(stack, 'Role', { roleName: 'RedshiftCopyUnload' });
    expect(role.iamRoleClause()).toBe(`IAM_ROLE 'arn:aws:iam::${ACCOUNT}:role/RedshiftCopyUnload'`);
    const withPath = new RedshiftServiceRole(stack, 'PathRole', { roleName: 'R2', path: '/etl/' });
    expect(withPath.iamRoleClause()).toBe(`IAM_ROLE 'arn:aws:iam::${ACCOUNT}:role/etl/R2'`);
  });

  test('iamRoleClause resolves to the role ARN otherwise', () => {
    const stack = newStack();
    const role = new RedshiftServiceRole(stack, 'Role');
    expect(stack.resolve(role.iamRoleClause())).toEqual({
      'Fn::Join': ['', ["IAM_ROLE '", { 'Fn::GetAtt': [expect.stringMatching(/^Role/), 'Arn'] }, "'"]],
    });
  });

  test('a role with no grants synthesizes no access policy', () => {
    const stack = newStack();
    new RedshiftServiceRole(stack, 'Role');
    const template = synth(stack);
    template.resourceCountIs('AWS::IAM::Policy', 0);
    template.resourceCountIs('AWS::IAM::ManagedPolicy', 0);
  });
});

describe('RedshiftServiceRole validation', () => {
  test.each([
    ['malformed region', { regions: ['us west 2'] }, "`regions` must be AWS Region codes such as us-west-2, us-gov-west-1 or cn-north-1, got: 'us west 2'"],
    ['upper-case region', { regions: ['US-WEST-2'] }, "got: 'US-WEST-2'"],
    ['empty regions', { regions: [] }, '`regions` must list at least one AWS Region'],
    ['repeated region', { regions: ['us-west-2', 'us-west-2'] }, "`regions` lists 'us-west-2' more than once"],
    ['regions with serverless', { regions: ['us-west-2'], serverless: true }, '`regions` cannot be combined with `serverless`'],
    ['ExternalId too short', { externalIds: ['x'] }, "`externalIds` values must be 2 to 1,224 characters long (STS ExternalId), got 1 characters: 'x'"],
    ['ExternalId too long', { externalIds: ['a'.repeat(1225)] }, 'got 1225 characters'],
    ['ExternalId with a space', { externalIds: ['has space'] }, "`externalIds` values may contain only letters, digits and _+=,.@:/- (STS ExternalId), got: 'has space'"],
    ['repeated ExternalId', { externalIds: ['dup-1', 'dup-1'] }, "`externalIds` lists 'dup-1' more than once"],
    ['repeated database user ARN', { databaseUsers: [DatabaseUser.fromArn(USER1), DatabaseUser.fromArn(USER1)] }, `\`databaseUsers\` lists '${USER1}' more than once`],
    ['repeated stack-scoped user', { databaseUsers: [DatabaseUser.inCluster('c', 'u'), DatabaseUser.inCluster('c', 'u')] }, "`databaseUsers` lists 'arn:aws:redshift:us-west-2:123456789012:dbuser:c/u' more than once"],
    ['role name too long', { roleName: 'x'.repeat(65) }, 'Invalid roleName'],
  ])('%s is rejected at synth time', (_label, props, message) => {
    const stack = newStack();
    expect(() => new RedshiftServiceRole(stack, 'Role', props as any)).toThrow(message);
  });

  test('an empty databaseUsers or externalIds is an error that says to leave it out (issue 21)', () => {
    // GIVEN lists that restrict nothing: every database user could use the role
    const stack = newStack();
    // THEN
    expect(() => new RedshiftServiceRole(stack, 'Users', { databaseUsers: [] })).toThrow(
      '`databaseUsers` must list at least one database user: leave it out to let every database user of every cluster the role is attached to use it');
    expect(() => new RedshiftServiceRole(stack, 'Ids', { externalIds: [] })).toThrow(
      '`externalIds` must list at least one ExternalId: leave it out to accept no other ExternalId '
      + '(with neither `databaseUsers` nor `externalIds`, every database user may use the role)');
    // neighbours: left out, one value, and a Token value
    expect(() => new RedshiftServiceRole(stack, 'None')).not.toThrow();
    expect(() => new RedshiftServiceRole(stack, 'One', { databaseUsers: [DatabaseUser.fromArn(USER1)], externalIds: ['partner-1'] })).not.toThrow();
    expect(() => new RedshiftServiceRole(stack, 'Tokens', { externalIds: [Token.asString({ Ref: 'Id' })] })).not.toThrow();
  });

  test('a user given as ARN and also as an external ID is a repeat', () => {
    const stack = newStack();
    expect(() => new RedshiftServiceRole(stack, 'Role', {
      databaseUsers: [DatabaseUser.fromArn(USER1)],
      externalIds: [USER1],
    })).toThrow(`\`externalIds\` lists '${USER1}' more than once`);
  });

  test('a trust policy over 2,048 characters is a synth error that counts the users', () => {
    const stack = newStack();
    const users = Array.from({ length: 25 }, (_, i) => DatabaseUser.inCluster('analytics-cluster', `analyst_${i}`));
    new RedshiftServiceRole(stack, 'Role', { databaseUsers: users });
    expect(() => synth(stack)).toThrow(/The trust policy of RedshiftServiceRole 'TestStack\/Role' is 2,\d{3} characters, over IAM's default quota of 2,048 characters for a role trust policy; it holds 25 database users and external IDs.*Service Quotas.*split the users across several roles/);
  });

  test('the size check skips resolving only when its bound is above the real size', () => {
    // TrustPrincipal.sizeBound lets the check skip resolving the trust; it must never count less
    // than the resolved policy, or a trust over the quota would synthesize.
    const cases: Array<[string, (stack: Stack) => RedshiftServiceRole]> = [
      ['no users', (stack) => new RedshiftServiceRole(stack, 'Role')],
      ['one user', (stack) => new RedshiftServiceRole(stack, 'Role', { databaseUsers: [DatabaseUser.fromArn(USER1)] })],
      ...[5, 20, 25].map((n): [string, (stack: Stack) => RedshiftServiceRole] => [`${n} users and 2 external IDs`, (stack) => new RedshiftServiceRole(stack, 'Role', {
        databaseUsers: Array.from({ length: n }, (_, i) => DatabaseUser.inCluster('analytics-cluster', `analyst_${i}`)),
        externalIds: ['partner-1', 'partner=2@example.com'],
      })]),
      ['Regional principals', (stack) => new RedshiftServiceRole(stack, 'Role', { regions: ['us-west-2', 'eu-central-1', 'ap-southeast-2'], databaseUsers: [DatabaseUser.fromArn(USER1)] })],
      ['Serverless', (stack) => new RedshiftServiceRole(stack, 'Role', { serverless: true, databaseUsers: [DatabaseUser.fromArn(USER2)] })],
      ['SageMaker trusted alone', (stack) => {
        const role = new RedshiftServiceRole(stack, 'Role', { databaseUsers: [DatabaseUser.fromArn(USER1)] });
        role.allowCreateModel({ bucket: new s3.Bucket(stack, 'Staging') });
        return role;
      }],
    ];
    for (const [name, make] of cases) {
      const stack = newStack();
      const role = make(stack);
      const trust = (role as any).trustPrincipal;
      const bound: number | undefined = trust.sizeBound(role.externalIds.map((id) => stack.resolve(id)));
      const real = policySize(stack.resolve(role.assumeRolePolicy)).chars;
      expect({ name, defined: bound !== undefined }).toEqual({ name, defined: true });
      expect({ name, boundAtLeastReal: bound! >= real }).toEqual({ name, boundAtLeastReal: true });
    }
    // Statements of others, and Tokens, leave nothing but resolving.
    const stack = newStack();
    const role = new RedshiftServiceRole(stack, 'Role', { databaseUsers: [DatabaseUser.fromArn(USER1)] });
    expect((role as any).trustPrincipal.sizeBound([USER1])).toBeDefined();
    expect((role as any).trustPrincipal.sizeBound([Token.asString({ Ref: 'Id' })])).toBeUndefined();
    role.assumeRolePolicy!.addStatements(new iam.PolicyStatement({ actions: ['sts:TagSession'], principals: [new iam.ServicePrincipal('redshift.amazonaws.com')] }));
    expect((role as any).trustPrincipal.sizeBound([USER1])).toBeUndefined();
  });

  test('just under the quota synthesizes', () => {
    const stack = newStack();
    const users = Array.from({ length: 20 }, (_, i) => DatabaseUser.inCluster('analytics-cluster', `analyst_${i}`));
    new RedshiftServiceRole(stack, 'Role', { databaseUsers: users });
    expect(() => synth(stack)).not.toThrow();
  });

  test('users added after construction count toward the quota too', () => {
    const stack = newStack();
    const role = new RedshiftServiceRole(stack, 'Role');
    for (let i = 0; i < 30; i++) role.addDatabaseUser(DatabaseUser.inCluster('analytics-cluster', `late_${i}`));
    expect(() => synth(stack)).toThrow(/holds 30 database users/);
  });
});

describe('RedshiftServiceRole trust, as IAM decides it (iam-simulate)', () => {
  const OTHER_USER = 'arn:aws:redshift:us-west-2:123456789012:dbuser:my-cluster/user3';

  test('default: Redshift may assume; another service and a role may not', async () => {
    const stack = newStack();
    const role = new RedshiftServiceRole(stack, 'Role', { roleName: 'RedshiftCopyUnload' });
    const view = roleView(role, synth(stack));
    expect(await assume(view, 'redshift.amazonaws.com')).toBe('Allowed');
    expect(await assume(view, 'redshift.amazonaws.com', { 'sts:ExternalId': OTHER_USER })).toBe('Allowed');
    expect(await assume(view, 'lambda.amazonaws.com')).toBe('ImplicitlyDenied');
    expect(await assume(view, 'redshift-serverless.amazonaws.com')).toBe('ImplicitlyDenied');
  });

  test('seed: only user1 and user2 on my-cluster in us-west-2', async () => {
    const stack = newStack();
    const role = new RedshiftServiceRole(stack, 'Role', {
      databaseUsers: [DatabaseUser.inCluster('my-cluster', 'user1'), DatabaseUser.inCluster('my-cluster', 'user2')],
    });
    const view = roleView(role, synth(stack));
    expect(await assume(view, 'redshift.amazonaws.com', { 'sts:ExternalId': USER1 })).toBe('Allowed');
    expect(await assume(view, 'redshift.amazonaws.com', { 'sts:ExternalId': USER2 })).toBe('Allowed');
    // neighbours: another user, the same user on another cluster or Region, no ExternalId, another service
    expect(await assume(view, 'redshift.amazonaws.com', { 'sts:ExternalId': OTHER_USER })).toBe('ImplicitlyDenied');
    expect(await assume(view, 'redshift.amazonaws.com', { 'sts:ExternalId': USER1.replace('my-cluster', 'other-cluster') })).toBe('ImplicitlyDenied');
    expect(await assume(view, 'redshift.amazonaws.com', { 'sts:ExternalId': USER1.replace('us-west-2', 'us-east-1') })).toBe('ImplicitlyDenied');
    expect(await assume(view, 'redshift.amazonaws.com')).toBe('ImplicitlyDenied');
    expect(await assume(view, 'glue.amazonaws.com', { 'sts:ExternalId': USER1 })).toBe('ImplicitlyDenied');
  });

  test('seed: us-east-1 and us-west-2 only', async () => {
    const stack = newStack();
    const role = new RedshiftServiceRole(stack, 'Role', { regions: ['us-east-1', 'us-west-2'] });
    const view = roleView(role, synth(stack));
    expect(await assume(view, 'redshift.us-east-1.amazonaws.com')).toBe('Allowed');
    expect(await assume(view, 'redshift.us-west-2.amazonaws.com')).toBe('Allowed');
    // neighbours: another Region's principal, and the global principal
    expect(await assume(view, 'redshift.eu-west-1.amazonaws.com')).toBe('ImplicitlyDenied');
    expect(await assume(view, 'redshift.amazonaws.com')).toBe('ImplicitlyDenied');
  });

  test('Region and users together: both must hold', async () => {
    const stack = newStack();
    const role = new RedshiftServiceRole(stack, 'Role', { regions: ['us-west-2'], databaseUsers: [DatabaseUser.fromArn(USER1)] });
    const view = roleView(role, synth(stack));
    expect(await assume(view, 'redshift.us-west-2.amazonaws.com', { 'sts:ExternalId': USER1 })).toBe('Allowed');
    expect(await assume(view, 'redshift.us-west-2.amazonaws.com', { 'sts:ExternalId': USER2 })).toBe('ImplicitlyDenied');
    expect(await assume(view, 'redshift.us-east-1.amazonaws.com', { 'sts:ExternalId': USER1 })).toBe('ImplicitlyDenied');
  });

  test('serverless: both principals may assume, others may not', async () => {
    const stack = newStack();
    const role = new RedshiftServiceRole(stack, 'Role', { serverless: true });
    const view = roleView(role, synth(stack));
    expect(await assume(view, 'redshift-serverless.amazonaws.com')).toBe('Allowed');
    expect(await assume(view, 'redshift.amazonaws.com')).toBe('Allowed');
    expect(await assume(view, 'sagemaker.amazonaws.com')).toBe('ImplicitlyDenied');
  });
});

describe('RedshiftServiceRole snapshot', () => {
  test('a restricted role', () => {
    const stack = newStack();
    new RedshiftServiceRole(stack, 'Role', {
      roleName: 'RedshiftCopyUnload',
      regions: ['us-west-2'],
      databaseUsers: [DatabaseUser.inCluster('my-cluster', 'user1')],
    });
    expect(synth(stack).toJSON()).toMatchSnapshot();
  });
});


describe('values that are Lazy stay lazy until the template is rendered', () => {
  // Comparing users for repeats must not evaluate a user's Lazy value early (a cached Lazy would
  // keep the early value, and a producer whose inputs are not set yet would throw).
  test('an external ID and a database user whose names are produced later', () => {
    const stack = newStack();
    let externalId = 'early-value';
    let userName = 'early_user';
    new RedshiftServiceRole(stack, 'Role', {
      externalIds: [Lazy.string({ produce: () => externalId })],
      databaseUsers: [DatabaseUser.inCluster('my-cluster', Lazy.string({ produce: () => userName }))],
    });
    externalId = 'final-value';
    userName = 'final_user';
    synth(stack).hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [Match.objectLike({
          Condition: { StringEquals: { 'sts:ExternalId': ['arn:aws:redshift:us-west-2:123456789012:dbuser:my-cluster/final_user', 'final-value'] } },
        })],
      },
    });
  });

  test('a producer that cannot run yet does not break the constructor', () => {
    const stack = newStack();
    let ready = false;
    const produce = () => { if (!ready) throw new Error('not yet'); return 'partner-7'; };
    expect(() => new RedshiftServiceRole(stack, 'Role', { externalIds: [Lazy.string({ produce })] })).not.toThrow();
    ready = true;
    expect(() => synth(stack)).not.toThrow();
  });
});

describe('database users in a Region no partition knows (issue 21)', () => {
  const warnings = (stack: Stack) => Annotations.fromStack(stack).findWarning('*', Match.anyValue())
    .map((w) => String(w.entry.data)).filter((w) => w.includes('cdk-redshift-iam:unknownRegion'));
  const advice = (user: string, region: string) => `\`databaseUsers\` lists '${user}', a user in '${region}', a Region no AWS partition known to this aws-cdk-lib has: `
    + 'check the code (a newer Region needs a newer aws-cdk-lib to be recognized) [ack: cdk-redshift-iam:unknownRegion]';

  test.each([
    ['inCluster', () => DatabaseUser.inCluster('c1', 'u1', { region: 'xx-moon-1' }), 'arn:aws:redshift:xx-moon-1:123456789012:dbuser:c1/u1'],
    ['fromArn', () => DatabaseUser.fromArn('arn:aws:redshift:us-west-9:123456789012:dbuser:c1/u1'), 'arn:aws:redshift:us-west-9:123456789012:dbuser:c1/u1'],
  ])('a user made with %s warns on the role that lists it, as `regions` does', (_how, user, arn) => {
    const stack = newStack();
    new RedshiftServiceRole(stack, 'Role', { databaseUsers: [user()] });
    expect(warnings(stack)).toEqual([advice(arn, arn.split(':')[3])]);
  });

  test('in an environment-agnostic stack the user is named as given', () => {
    const stack = new Stack(newApp(), 'Agnostic');
    new RedshiftServiceRole(stack, 'Role').addDatabaseUser(DatabaseUser.inCluster('c1', 'u1', { region: 'xx-moon-1' }));
    expect(warnings(stack)).toEqual([advice('xx-moon-1:<stack-account>:c1/u1', 'xx-moon-1')]);
  });

  test.each([
    ['the stack\'s Region', () => DatabaseUser.inCluster('c1', 'u1')],
    ['a known Region', () => DatabaseUser.inCluster('c1', 'u1', { region: 'eusc-de-east-1' })],
    ['a Token Region', () => DatabaseUser.inCluster('c1', 'u1', { region: Token.asString({ Ref: 'Region' }) })],
    ['a Token ARN', () => DatabaseUser.fromArn(Token.asString({ Ref: 'UserArn' }))],
  ])('no warning for %s', (_label, user) => {
    const stack = newStack();
    new RedshiftServiceRole(stack, 'Role', { databaseUsers: [user()] });
    expect(warnings(stack)).toEqual([]);
  });

  test('acknowledged on the stack, the warning is taken back', () => {
    const stack = newStack();
    new RedshiftServiceRole(stack, 'Role', { databaseUsers: [DatabaseUser.inCluster('c1', 'u1', { region: 'xx-moon-1' })] });
    Validations.of(stack).acknowledge({ id: 'cdk-redshift-iam:unknownRegion', reason: 'a Region this aws-cdk-lib predates' });
    (stack.node.root as any).synth();
    expect(warnings(stack)).toEqual([]);
  });
});
