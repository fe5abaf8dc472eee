import { Stack, Token } from 'aws-cdk-lib';
import { DatabaseUser } from '../src';
import { newApp, newStack } from './helpers/synth';

describe('DatabaseUser', () => {
  test('inCluster with an explicit Region and account is the seed ARN, literally', () => {
    // WHEN
    const user = DatabaseUser.inCluster('my-cluster', 'user1', { region: 'us-west-2', account: '123456789012' });
    // THEN
    expect(user.arn).toBe('arn:aws:redshift:us-west-2:123456789012:dbuser:my-cluster/user1');
  });

  test('inCluster takes the Region and account of the stack it is used in', () => {
    // GIVEN
    const stack = newStack({ env: { account: '111122223333', region: 'eu-west-1' } });
    // WHEN
    const user = DatabaseUser.inCluster('analytics', 'etl');
    // THEN
    expect(Token.isUnresolved(user.arn)).toBe(true);
    expect(stack.resolve(user.arn)).toBe('arn:aws:redshift:eu-west-1:111122223333:dbuser:analytics/etl');
  });

  test('in an environment-agnostic stack the ARN uses the pseudo parameters', () => {
    const stack = new Stack(newApp(), 'Agnostic');
    const user = DatabaseUser.inCluster('analytics', 'etl');
    expect(stack.resolve(user.arn)).toEqual({
      'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':redshift:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':dbuser:analytics/etl']],
    });
  });

  test('GovCloud and China Regions get their partition', () => {
    expect(DatabaseUser.inCluster('c1', 'u', { region: 'us-gov-west-1', account: '123456789012' }).arn)
      .toBe('arn:aws-us-gov:redshift:us-gov-west-1:123456789012:dbuser:c1/u');
    expect(DatabaseUser.inCluster('c1', 'u', { region: 'cn-north-1', account: '123456789012' }).arn)
      .toBe('arn:aws-cn:redshift:cn-north-1:123456789012:dbuser:c1/u');
  });

  test('inWorkgroup uses the serverless-ACCOUNT-WORKGROUPID form Redshift Serverless sends', () => {
    const user = DatabaseUser.inWorkgroup('0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b', 'analyst', { region: 'us-east-1', account: '123456789012' });
    expect(user.arn).toBe('arn:aws:redshift:us-east-1:123456789012:dbuser:serverless-123456789012-0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b/analyst');
  });

  test('fromArn keeps a valid ARN as it is', () => {
    const arn = 'arn:aws:redshift:us-west-2:123456789012:dbuser:my-cluster/user2';
    expect(DatabaseUser.fromArn(arn).arn).toBe(arn);
  });

  test('Tokens pass through unchecked', () => {
    const stack = newStack();
    const token = Token.asString({ Ref: 'UserArn' });
    expect(stack.resolve(DatabaseUser.fromArn(token).arn)).toEqual({ Ref: 'UserArn' });
    expect(() => DatabaseUser.inCluster(Token.asString({ Ref: 'Cluster' }), 'u1')).not.toThrow();
    expect(() => DatabaseUser.inWorkgroup(Token.asString({ 'Fn::GetAtt': ['Wg', 'Workgroup.WorkgroupId'] }), 'u1')).not.toThrow();
  });

  test.each([
    ['arn:aws:redshift:us-west-2:123456789012:cluster:my-cluster', /expects arn:aws:redshift:REGION:ACCOUNT:dbuser:CLUSTER\/USER, got: 'arn:aws:redshift:us-west-2:123456789012:cluster:my-cluster'/],
    ['arn:aws:redshift:us-west-2:123456789012:dbuser:my-cluster/*', /user name.*got: '\*'/],
    ['arn:aws:redshift:uswest2:123456789012:dbuser:my-cluster/u', /Region codes.*got: 'uswest2'/],
    ['arn:aws:redshift:us-west-2:1234:dbuser:my-cluster/u', /12-digit AWS account ID, got: '1234'/],
    ['arn:aws:redshift:us-west-2:123456789012:dbuser:My_Cluster/u', /cluster identifier\), got: 'My_Cluster'/],
    ['not an arn', /got: 'not an arn'/],
  ])('fromArn rejects %s', (arn, message) => {
    expect(() => DatabaseUser.fromArn(arn)).toThrow(message);
  });

  test('fromArn rejects dbuser/CLUSTER/USER (issue 21): Redshift sends dbuser:CLUSTER/USER only, and the message gives that form', () => {
    // GIVEN a slash where the format (seed 000) has a colon
    const arn = 'arn:aws:redshift:us-west-2:123456789012:dbuser/my-cluster/etl';
    // THEN
    expect(() => DatabaseUser.fromArn(arn)).toThrow(
      '`DatabaseUser.fromArn` expects arn:aws:redshift:REGION:ACCOUNT:dbuser:CLUSTER/USER, with a colon after dbuser: '
      + 'Redshift sends the user\'s ARN in that form only, so a trust that lists dbuser/CLUSTER/USER never matches '
      + `(use 'arn:aws:redshift:us-west-2:123456789012:dbuser:my-cluster/etl'), got: '${arn}'`);
    // neighbours: the colon form, a Serverless user, and a Token are accepted
    expect(DatabaseUser.fromArn('arn:aws:redshift:us-west-2:123456789012:dbuser:my-cluster/etl').arn).toBe('arn:aws:redshift:us-west-2:123456789012:dbuser:my-cluster/etl');
    expect(() => DatabaseUser.fromArn('arn:aws:redshift:us-west-2:123456789012:dbuser:serverless-123456789012-0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b/etl')).not.toThrow();
    expect(() => DatabaseUser.fromArn(Token.asString({ 'Fn::Sub': 'arn:aws:redshift:us-west-2:123456789012:dbuser/${Cluster}' }))).not.toThrow();
  });

  test.each([
    ['', 'u', /`clusterIdentifier` must be 1 to 63.*got: ''/],
    ['1cluster', 'u', /`clusterIdentifier`.*start with a letter.*got: '1cluster'/],
    ['my--cluster', 'u', /no two consecutive hyphens.*got: 'my--cluster'/],
    ['cluster-', 'u', /no trailing hyphen.*got: 'cluster-'/],
    ['UPPER', 'u', /got: 'UPPER'/],
    ['a'.repeat(64), 'u', /1 to 63/],
    ['my-cluster', '', /`userName` must be 1 to 64 characters.*got: ''/],
    ['my-cluster', '9lives', /`userName`.*start with a letter.*got: '9lives'/],
    ['my-cluster', 'bad/user', /got: 'bad\/user'/],
    ['my-cluster', 'u'.repeat(65), /`userName` must be 1 to 64/],
  ])('inCluster(%j, %j) is rejected', (cluster, user, message) => {
    expect(() => DatabaseUser.inCluster(cluster, user)).toThrow(message);
  });

  test('the longest valid names are accepted', () => {
    expect(() => DatabaseUser.inCluster(`a${'b'.repeat(62)}`, `u${'_'.repeat(63)}`)).not.toThrow();
  });

  test('inWorkgroup rejects a workgroup name, explaining that the ID is needed', () => {
    expect(() => DatabaseUser.inWorkgroup('my-workgroup', 'u')).toThrow(/workgroup ID.*not the name.*got: 'my-workgroup'/);
  });

  test.each([
    [{ region: 'us west 2' }, /`region` must be AWS Region codes.*got: 'us west 2'/],
    [{ account: '12345' }, /`account` must be a 12-digit AWS account ID, got: '12345'/],
  ])('options %j are validated', (options, message) => {
    expect(() => DatabaseUser.inCluster('c', 'u', options)).toThrow(message);
  });
});
