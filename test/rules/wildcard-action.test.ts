import { checkWildcardAction, WILDCARD_ACTION } from '../../src/rules/wildcard-action';

describe('wildcard action', () => {
  test('s3:* and * in an Allow statement are a warning finding with the rule\'s id', () => {
    const findings = checkWildcardAction({
      statements: [
        { Effect: 'Allow', Action: ['s3:*', 's3:GetObject'], Resource: 'arn:aws:s3:::b/*' },
        { Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::b' },
      ],
    });
    expect(findings.map((f) => f.message)).toEqual([
      'This Redshift role allows s3:*; grant the actions its commands need (RedshiftServiceRole.allow*)',
      'This Redshift role allows *; grant the actions its commands need (RedshiftServiceRole.allow*)',
    ]);
    expect(findings[0].rule).toBe(WILDCARD_ACTION);
    expect(WILDCARD_ACTION.id).toBe('cdk-redshift-iam:wildcard-action');
    expect(WILDCARD_ACTION.level).toBe('warning');
  });

  test('named actions, and wildcards in a Deny statement, are no finding', () => {
    expect(checkWildcardAction({
      statements: [
        { Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: '*' },
        { Effect: 'Deny', Action: '*', Resource: '*' },
      ],
    })).toEqual([]);
  });
});
