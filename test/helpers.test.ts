import { lintTemplates } from './helpers/cfn-lint';
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
