import { Token } from 'aws-cdk-lib';
import {
  isRdsSource, isServerlessNamespace, validateIntegrationArn, validateNamespaceArn, validateSourceArn, validateWorkgroupArn,
} from '../../src/private/integration-arns';

const A = '123456789012';
const UUID = '0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b';
const WORKGROUP = `arn:aws:redshift-serverless:us-west-2:${A}:workgroup/${UUID}`;
const CLUSTER_NAMESPACE = `arn:aws:redshift:us-west-2:${A}:namespace:${UUID}`;
const SERVERLESS_NAMESPACE = `arn:aws:redshift-serverless:us-west-2:${A}:namespace/${UUID}`;
const INTEGRATION = `arn:aws:redshift:us-west-2:${A}:integration:${UUID}`;
const TOKEN = Token.asString({ Ref: 'SomeParameter' });

/**
 * One validator per ARN form, used by every prop of that form (the Data API's `workgroupArn` and the
 * `workgroupArns` of Identity Center and Serverless sign-in; `targetArn` and `targetArns`; `sources`):
 * "the ARN of a ..." for a prop of one ARN, "ARNs of ..." for each entry of a list.
 */
describe('integration ARNs', () => {
  test.each<[string, (prop: string, arn: string, count?: 'one' | 'each') => void, string[], string[]]>([
    ['workgroup', validateWorkgroupArn, [WORKGROUP, WORKGROUP.replace(':aws:', ':aws-cn:')],
      [`arn:aws:redshift-serverless:us-west-2:${A}:workgroup/analytics`, `arn:aws:redshift-serverless:us-west-2:${A}:workgroup/*`, SERVERLESS_NAMESPACE, 'analytics']],
    ['namespace', validateNamespaceArn, [CLUSTER_NAMESPACE, SERVERLESS_NAMESPACE],
      [`arn:aws:redshift:us-west-2:${A}:cluster:analytics`, WORKGROUP, `arn:aws:redshift-serverless:us-west-2:${A}:namespace/*`]],
    ['source', validateSourceArn, [`arn:aws:rds:us-west-2:${A}:cluster:orders-db`, `arn:aws:dynamodb:us-west-2:${A}:table/orders`, 'arn:aws:s3:::incoming'],
      ['orders-db', `arn:aws:rds:us-west-2:${A}:cluster:*`, `arn:aws:dynamodb:us-west-2:${A}:table/order?`]],
    ['integration', validateIntegrationArn, [INTEGRATION],
      [`arn:aws:redshift:us-west-2:${A}:integration:*`, `arn:aws:rds:us-west-2:${A}:integration:${UUID}`, `arn:aws:redshift:us-west-2:${A}:integration/${UUID}`, UUID]],
  ])('%s: valid ARNs and Tokens pass, for one ARN and for each entry; the rest fail naming the prop and the value', (_form, validate, good, bad) => {
    for (const arn of [...good, TOKEN]) {
      expect(() => validate('x', arn, 'one')).not.toThrow();
      expect(() => validate('xs', arn)).not.toThrow();
    }
    for (const arn of bad) {
      expect(() => validate('x', arn, 'one')).toThrow(new RegExp(`^\`x\` must be the .*, got: '${arn.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}'$`));
      expect(() => validate('xs', arn)).toThrow(/^`xs` must be /);
    }
  });

  test.each([
    ['workgroupArn', validateWorkgroupArn, 'one',
      "`workgroupArn` must be the ARN of a Redshift Serverless workgroup, arn:aws:redshift-serverless:REGION:ACCOUNT:workgroup/WORKGROUP-ID (the ID, not the name), got: 'analytics'"],
    ['workgroupArns', validateWorkgroupArn, 'each',
      '`workgroupArns` must be ARNs of Redshift Serverless workgroups, arn:aws:redshift-serverless:REGION:ACCOUNT:workgroup/WORKGROUP-ID '
      + "(the ID, not the name: CfnWorkgroup.attrWorkgroupWorkgroupArn), got: 'analytics'"],
    ['targetArn', validateNamespaceArn, 'one',
      '`targetArn` must be the namespace ARN of a cluster (arn:aws:redshift:REGION:ACCOUNT:namespace:NAMESPACE-ID) or of a Serverless namespace '
      + "(arn:aws:redshift-serverless:REGION:ACCOUNT:namespace/NAMESPACE-ID), not a cluster or workgroup ARN, got: 'analytics'"],
    ['targetArns', validateNamespaceArn, 'each',
      '`targetArns` must be namespace ARNs of clusters (arn:aws:redshift:REGION:ACCOUNT:namespace:NAMESPACE-ID) or of Serverless namespaces '
      + "(arn:aws:redshift-serverless:REGION:ACCOUNT:namespace/NAMESPACE-ID), not cluster or workgroup ARNs, got: 'analytics'"],
    ['sources', validateSourceArn, 'each',
      "`sources` must be the ARNs of integration sources (an Aurora or RDS database, a DynamoDB table, an S3 bucket), without wildcards, got: 'analytics'"],
    ['integrationArns', validateIntegrationArn, 'each',
      "`integrationArns` must be ARNs of Redshift integrations, arn:aws:redshift:REGION:ACCOUNT:integration:INTEGRATION-ID, got: 'analytics'"],
  ] as const)('the message for %s', (prop, validate, count, message) => {
    expect(() => validate(prop, 'analytics', count)).toThrow(message);
  });

  test('isServerlessNamespace and isRdsSource tell the forms apart; a Token is neither', () => {
    expect([SERVERLESS_NAMESPACE, CLUSTER_NAMESPACE, TOKEN].map(isServerlessNamespace)).toEqual([true, false, false]);
    expect([`arn:aws:rds:us-west-2:${A}:cluster:orders`, `arn:aws:rds:us-west-2:${A}:db:orders`, `arn:aws:dynamodb:us-west-2:${A}:table/orders`, TOKEN]
      .map(isRdsSource)).toEqual([true, true, false, false]);
  });
});
