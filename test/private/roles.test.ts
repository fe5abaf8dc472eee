import { Token } from 'aws-cdk-lib';
import { parseArn } from '../../src/private/arns';
import { accountOfRoleArn, isRoleArn } from '../../src/private/roles';

describe('role ARNs, read through Arn.split', () => {
  test('the account of a literal role ARN, with or without a path', () => {
    expect(accountOfRoleArn('arn:aws:iam::123456789012:role/RoleA')).toBe('123456789012');
    expect(accountOfRoleArn('arn:aws-cn:iam::123456789012:role/service-role/RoleA')).toBe('123456789012');
  });

  test.each([
    'arn:aws:iam::123456789012:user/alice',
    'arn:aws:s3:::bucket',
    'arn:aws:iam:us-west-2:123456789012:role/RoleA',
    'arn:aws:iam::aws:role/RoleA',
    'arn:<AWS::Partition>:iam::<AWS::AccountId>:role/RoleA',
    'not an arn',
    Token.asString({ 'Fn::GetAtt': ['Role', 'Arn'] }),
  ])('no account from %s', (arn) => {
    expect(accountOfRoleArn(arn)).toBeUndefined();
  });

  test.each([
    ['arn:aws:iam::123456789012:role/RoleA', true],
    ['arn:aws-us-gov:iam::123456789012:role/path/to/Role+=,.@-_', true],
    ['arn:aws:iam::123456789012:role/', false],
    ['arn:aws:iam::123456789012:role/Role:A', false],
    ['arn:aws:iam::1234:role/RoleA', false],
    ['arn:other:iam::123456789012:role/RoleA', false],
    ['arn:aws:iam::123456789012:policy/RoleA', false],
  ])('isRoleArn(%s) is %s', (arn, expected) => {
    expect(isRoleArn(arn)).toBe(expected);
  });

  test('parseArn is undefined for Tokens and text that is not an ARN', () => {
    expect(parseArn(Token.asString({ Ref: 'X' }))).toBeUndefined();
    expect(parseArn('arn:aws')).toBeUndefined();
    expect(parseArn('arn:aws:redshift:us-west-2:123456789012:dbuser:c/u')).toMatchObject({ service: 'redshift', resource: 'dbuser', resourceName: 'c/u' });
  });
});
