import { aws_dynamodb as dynamodb } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { RedshiftServiceRole } from '../../src';
import { grantSetup as setup } from '../helpers/grants';
import { roleMay, roleView } from '../helpers/iam';
import { newStack, synth } from '../helpers/synth';

describe('allowCopyFromTable', () => {
  test('Scan and DescribeTable on that table only', async () => {
    const { stack, role } = setup();
    const table = dynamodb.Table.fromTableArn(stack, 'Movies', 'arn:aws:dynamodb:us-west-2:123456789012:table/Movies');
    role.allowCopyFromTable(table);
    const view = roleView(role, synth(stack));
    const movies = 'arn:aws:dynamodb:us-west-2:123456789012:table/Movies';
    expect(await roleMay(view, 'dynamodb:Scan', movies)).toBe('Allowed');
    expect(await roleMay(view, 'dynamodb:DescribeTable', movies)).toBe('Allowed');
    expect(await roleMay(view, 'dynamodb:Scan', 'arn:aws:dynamodb:us-west-2:123456789012:table/Orders')).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'dynamodb:Query', movies)).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'dynamodb:PutItem', movies)).toBe('ImplicitlyDenied');
  });

  test('a table with a customer managed key: Decrypt and DescribeKey on it', () => {
    const stack = newStack();
    const role = new RedshiftServiceRole(stack, 'Role');
    const table = new dynamodb.Table(stack, 'Table', {
      partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
    });
    role.allowCopyFromTable(table);
    synth(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({ Action: ['kms:Decrypt', 'kms:DescribeKey'] })]),
      },
    });
  });
});

describe('allowCopyFromEmrCluster', () => {
  test('ListInstances on that cluster only', async () => {
    const { stack, role } = setup();
    role.allowCopyFromEmrCluster('j-SAMPLE2B500FC');
    const view = roleView(role, synth(stack));
    const cluster = 'arn:aws:elasticmapreduce:us-west-2:123456789012:cluster/j-SAMPLE2B500FC';
    expect(await roleMay(view, 'elasticmapreduce:ListInstances', cluster)).toBe('Allowed');
    expect(await roleMay(view, 'elasticmapreduce:ListInstances', cluster.replace('SAMPLE2B500FC', 'OTHER000000'))).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'elasticmapreduce:TerminateJobFlows', cluster)).toBe('ImplicitlyDenied');
  });

  test('a malformed cluster id is rejected', () => {
    const { role } = setup();
    expect(() => role.allowCopyFromEmrCluster('my-emr')).toThrow("`emrClusterId` must be an Amazon EMR cluster ID such as j-2AXXXXXXGAPLF, got: 'my-emr'");
  });
});
