import { aws_iam as iam, Lazy, Stack } from 'aws-cdk-lib';
import { grantStatementJson, GrantOnRoleOptions } from '../../src/private/policy-packer';

/** The statement `iam.Grant.addToPrincipal` makes from `options`, as its grantee receives it. */
function statementOfGrant(options: GrantOnRoleOptions): iam.PolicyStatement {
  let received: iam.PolicyStatement | undefined;
  const grantee: iam.IGrantable = {
    grantPrincipal: new class extends iam.ArnPrincipal {
      public addToPrincipalPolicy(statement: iam.PolicyStatement): iam.AddToPrincipalPolicyResult {
        received = statement;
        return { statementAdded: true, policyDependable: new Stack() };
      }
    }('arn:aws:iam::123456789012:role/Grantee'),
  };
  iam.Grant.addToPrincipal({ ...options, grantee });
  return received!;
}

describe('the JSON the packer writes for its own grants, without rendering the statement', () => {
  const tokenArn = Lazy.string({ produce: () => 'arn:aws:s3:::later' });
  const actionLists = [[], ['s3:GetObject'], ['s3:GetObject', 's3:GetObject'], ['s3:PutObject', 's3:GetObject'], ['s3:GetObject', 's3:PutObject', 's3:GetObject']];
  const resourceLists = [[], ['arn:aws:s3:::a/*'], ['arn:aws:s3:::a/*', 'arn:aws:s3:::a/*'], ['arn:aws:s3:::b', 'arn:aws:s3:::a'], [tokenArn], [tokenArn, 'arn:aws:s3:::a']];
  const conditionSets: Array<GrantOnRoleOptions['conditions']> = [
    undefined,
    {},
    { StringLike: { 's3:prefix': ['in/*'] } },
    { StringEquals: { 'aws:ResourceAccount': '123456789012' }, Bool: { 'aws:SecureTransport': 'true' } },
  ];

  test('is toStatementJson() of the statement iam.Grant.addToPrincipal makes, key order included, for every shape', () => {
    let cases = 0;
    for (const actions of actionLists) {
      for (const resourceArns of resourceLists) {
        for (const conditions of conditionSets) {
          const options: GrantOnRoleOptions = { actions, resourceArns, conditions };
          expect(JSON.stringify(grantStatementJson(options))).toBe(JSON.stringify(statementOfGrant(options).toStatementJson()));
          cases++;
        }
      }
    }
    expect(cases).toBe(120);
  });

  test('a single action or resource is a string, repeats are dropped, empty conditions left out', () => {
    expect(grantStatementJson({ actions: ['s3:GetObject', 's3:GetObject'], resourceArns: ['arn:aws:s3:::a/*'], conditions: {} }))
      .toEqual({ Action: 's3:GetObject', Effect: 'Allow', Resource: 'arn:aws:s3:::a/*' });
  });
});
