import { lintPendingTemplates, lintTemplates, registerForLint } from './helpers/cfn-lint';
import { materialize } from './helpers/iam';

describe('test helpers', () => {
  test('the cfn-lint gate reports errors it is meant to catch', () => {
    // GIVEN a template with a Lambda runtime that Lambda no longer creates, and an unknown property
    const bad = {
      Resources: {
        Fn: {
          Type: 'AWS::Lambda::Function',
          Properties: {
            Runtime: 'nodejs16.x',
            Handler: 'index.handler',
            Role: 'arn:aws:iam::123456789012:role/r',
            Code: { ZipFile: 'exports.handler = async () => {}' },
          },
        },
        Role: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: {}, Bogus: 1 } },
      },
    };
    // WHEN
    const findings = lintTemplates([{ name: 'bad', template: bad }]);
    // THEN
    const errors = findings.filter((f) => f.level === 'Error').map((f) => f.rule);
    expect(errors).toEqual(expect.arrayContaining(['E2533', 'E3002']));
  });

  test('the cfn-lint gate fails on W3037, an IAM action IAM does not know', () => {
    // GIVEN a role policy with one real action and one that does not exist
    const policy = (actions: string[]) => ({
      Resources: {
        Role: {
          Type: 'AWS::IAM::Role',
          Properties: {
            AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'redshift.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
            Policies: [{ PolicyName: 'p', PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }] } }],
          },
        },
      },
    });
    // THEN cfn-lint reports W3037 for the unknown action, and the gate throws on it
    expect(lintTemplates([{ name: 'unknown-action', template: policy(['redshift:DescribeClusters', 'redshift:MakeItFaster']) }]).map((f) => f.rule)).toContain('W3037');
    registerForLint('unknown-action', policy(['redshift:MakeItFaster']));
    expect(() => lintPendingTemplates()).toThrow(/W3037/);
    // and passes the real action alone
    registerForLint('known-action', policy(['redshift:DescribeClusters']));
    expect(() => lintPendingTemplates()).not.toThrow();
  });

  test('the cfn-lint gate passes a clean template', () => {
    const clean = { Resources: { Topic: { Type: 'AWS::SNS::Topic' } } };
    expect(lintTemplates([{ name: 'clean', template: clean }]).filter((f) => f.level === 'Error')).toEqual([]);
  });

  test('materialize evaluates the intrinsics the policy tests meet', () => {
    const template = {
      Resources: {
        B: { Type: 'AWS::S3::Bucket', Properties: { BucketName: 'data' } },
        R: { Type: 'AWS::IAM::Role', Properties: { RoleName: 'RoleA', Path: '/etl/' } },
      },
    };
    const env = { account: '123456789012', region: 'us-west-2', partition: 'aws' };
    expect(materialize(template, { 'Fn::Join': ['', [{ 'Fn::GetAtt': ['B', 'Arn'] }, '/p/*']] }, env)).toBe('arn:aws:s3:::data/p/*');
    expect(materialize(template, { 'Fn::GetAtt': ['R', 'Arn'] }, env)).toBe('arn:aws:iam::123456789012:role/etl/RoleA');
    expect(materialize(template, { Ref: 'AWS::AccountId' }, env)).toBe('123456789012');
    expect(() => materialize(template, { 'Fn::If': ['c', 'a', 'b'] }, env)).toThrow(/cannot evaluate Fn::If/);
  });
});
