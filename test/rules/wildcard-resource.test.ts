import { checkWildcardResource, WILDCARD_RESOURCE } from '../../src/rules/wildcard-resource';

describe('wildcard resource', () => {
  test('an Allow statement on * is a warning finding with the rule\'s id, naming its actions', () => {
    const findings = checkWildcardResource({
      statements: [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: ['arn:aws:s3:::b', '*'] }],
    });
    expect(findings).toEqual([{
      rule: WILDCARD_RESOURCE,
      message: "This Redshift role allows s3:GetObject, s3:ListBucket on every resource ('*'); name the buckets, tables and functions instead",
    }]);
    expect(WILDCARD_RESOURCE.id).toBe('cdk-redshift-iam:wildcard-resource');
    expect(WILDCARD_RESOURCE.level).toBe('warning');
  });

  test('scoped resources (a key prefix\'s trailing * too) and Deny statements are no finding', () => {
    expect(checkWildcardResource({
      statements: [
        { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/in/*' },
        { Effect: 'Allow', Action: 's3:GetObject', Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':s3:::b/*']] } },
        { Effect: 'Deny', Action: 's3:*', Resource: '*' },
      ],
    })).toEqual([]);
  });

  test('a statement of actions that IAM authorizes on no resource type is no finding; one more action makes it one', () => {
    expect(checkWildcardResource({
      statements: [
        { Effect: 'Allow', Action: 'kinesis:ListStreams', Resource: '*' },
        { Effect: 'Allow', Action: ['kafka:GetBootstrapBrokers', 'lakeformation:GetDataAccess'], Resource: '*' },
      ],
    })).toEqual([]);
    expect(checkWildcardResource({
      statements: [{ Effect: 'Allow', Action: ['kinesis:ListStreams', 'kinesis:GetRecords'], Resource: '*' }],
    })).toEqual([{ rule: WILDCARD_RESOURCE, message: expect.stringContaining('kinesis:ListStreams, kinesis:GetRecords on every resource') }]);
  });
});
