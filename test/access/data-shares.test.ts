import { aws_iam as iam } from 'aws-cdk-lib';
import { DataShareSide, RedshiftPermissions } from '../../src';
import { decide, roleView } from '../helpers/iam';
import { acknowledgements, nagFindings } from '../helpers/nag';
import { newStack, synth } from '../helpers/synth';

const PRODUCER = '123456789012';
const CONSUMER = '210987654321';
const OTHER = '333333333333';
const PRODUCER_NS = 'af06285e-8a45-4ee9-b598-648c218c8ff1';
const CONSUMER_NS = '0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b';
const share = (name: string, namespace = PRODUCER_NS) => `arn:aws:redshift:us-west-2:${PRODUCER}:datashare:${namespace}/${name}`;
const SALES = share('salesshare');
const namespaceArn = (account: string, id = CONSUMER_NS) => `arn:aws:redshift:us-west-2:${account}:namespace:${id}`;
const CONSUMER_NAMESPACE = namespaceArn(CONSUMER);

function setup(account = PRODUCER) {
  const stack = newStack({ env: { account, region: 'us-west-2' } });
  const admin = new iam.Role(stack, 'Admin', { assumedBy: new iam.AccountRootPrincipal(), roleName: 'DataShareAdmin' });
  return { stack, admin };
}

/** What IAM decides for the administrator (the datashare is the producer's; the call is the administrator's). */
function decider(admin: iam.Role, stack: ReturnType<typeof newStack>) {
  const view = roleView(admin, synth(stack));
  return (action: string, resource: string, context: Record<string, string | string[]> = {}) => decide({
    principal: view.arn, identity: view.identity, action, resource, context, resourceAccount: stack.account,
  });
}

describe('RedshiftPermissions.manageDataShares', () => {
  test('the producer (default): authorize and deauthorize the named datashare for the named consumer, read-only', async () => {
    // GIVEN
    const { stack, admin } = setup();
    // WHEN
    const grant = RedshiftPermissions.manageDataShares(admin, { dataShareArns: [SALES], consumers: [CONSUMER] });
    // THEN
    expect(grant.success).toBe(true);
    synth(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [
          { Effect: 'Allow', Action: ['redshift:DescribeDataShares', 'redshift:DescribeDataSharesForProducer'], Resource: '*' },
          {
            Effect: 'Allow',
            Action: 'redshift:AuthorizeDataShare',
            Resource: SALES,
            Condition: { StringEquals: { 'redshift:ConsumerIdentifier': CONSUMER }, BoolIfExists: { 'redshift:AllowWrites': 'false' } },
          },
          { Effect: 'Allow', Action: 'redshift:DeauthorizeDataShare', Resource: SALES, Condition: { StringEquals: { 'redshift:ConsumerIdentifier': CONSUMER } } },
        ],
      },
    });
    const may = decider(admin, stack);
    expect(await may('redshift:AuthorizeDataShare', SALES, { 'redshift:ConsumerIdentifier': CONSUMER })).toBe('Allowed');
    expect(await may('redshift:AuthorizeDataShare', SALES, { 'redshift:ConsumerIdentifier': CONSUMER, 'redshift:AllowWrites': 'false' })).toBe('Allowed');
    expect(await may('redshift:DeauthorizeDataShare', SALES, { 'redshift:ConsumerIdentifier': CONSUMER })).toBe('Allowed');
    expect(await may('redshift:DescribeDataSharesForProducer', '*')).toBe('Allowed');
    // denied: another consumer, another datashare, writes, the consumer side
    expect(await may('redshift:AuthorizeDataShare', SALES, { 'redshift:ConsumerIdentifier': OTHER })).toBe('ImplicitlyDenied');
    expect(await may('redshift:AuthorizeDataShare', SALES, { 'redshift:ConsumerIdentifier': namespaceArn(OTHER) })).toBe('ImplicitlyDenied');
    expect(await may('redshift:AuthorizeDataShare', share('hrshare'), { 'redshift:ConsumerIdentifier': CONSUMER })).toBe('ImplicitlyDenied');
    expect(await may('redshift:AuthorizeDataShare', SALES, { 'redshift:ConsumerIdentifier': CONSUMER, 'redshift:AllowWrites': 'true' })).toBe('ImplicitlyDenied');
    expect(await may('redshift:DeauthorizeDataShare', SALES, { 'redshift:ConsumerIdentifier': OTHER })).toBe('ImplicitlyDenied');
    expect(await may('redshift:AssociateDataShareConsumer', SALES, { 'redshift:ConsumerArn': CONSUMER_NAMESPACE })).toBe('ImplicitlyDenied');
    expect(await may('redshift:DescribeDataSharesForConsumer', '*')).toBe('ImplicitlyDenied');
    expect(await may('redshift:ModifyCluster', `arn:aws:redshift:us-west-2:${PRODUCER}:cluster:producer`)).toBe('ImplicitlyDenied');
  });

  test('allowWrites: read-and-write authorizations too', async () => {
    const { stack, admin } = setup();
    RedshiftPermissions.manageDataShares(admin, { dataShareArns: [SALES], consumers: [CONSUMER], allowWrites: true });
    const may = decider(admin, stack);
    expect(await may('redshift:AuthorizeDataShare', SALES, { 'redshift:ConsumerIdentifier': CONSUMER, 'redshift:AllowWrites': 'true' })).toBe('Allowed');
    expect(await may('redshift:AuthorizeDataShare', SALES, { 'redshift:ConsumerIdentifier': OTHER, 'redshift:AllowWrites': 'true' })).toBe('ImplicitlyDenied');
  });

  test('no consumers: any consumer of the named datashares, still read-only', async () => {
    const { stack, admin } = setup();
    RedshiftPermissions.manageDataShares(admin, { dataShareArns: [SALES] });
    const may = decider(admin, stack);
    expect(await may('redshift:AuthorizeDataShare', SALES, { 'redshift:ConsumerIdentifier': OTHER })).toBe('Allowed');
    expect(await may('redshift:AuthorizeDataShare', SALES, { 'redshift:ConsumerIdentifier': OTHER, 'redshift:AllowWrites': 'true' })).toBe('ImplicitlyDenied');
    expect(await may('redshift:AuthorizeDataShare', share('hrshare'), { 'redshift:ConsumerIdentifier': OTHER })).toBe('ImplicitlyDenied');
  });

  test('the consumer: associate and disassociate the named datashare with the named namespace, and reject it', async () => {
    const { stack, admin } = setup(CONSUMER);
    RedshiftPermissions.manageDataShares(admin, { dataShareArns: [SALES], consumers: [CONSUMER_NAMESPACE], side: DataShareSide.CONSUMER });
    const may = decider(admin, stack);
    expect(await may('redshift:AssociateDataShareConsumer', SALES, { 'redshift:ConsumerArn': CONSUMER_NAMESPACE })).toBe('Allowed');
    expect(await may('redshift:DisassociateDataShareConsumer', SALES, { 'redshift:ConsumerArn': CONSUMER_NAMESPACE })).toBe('Allowed');
    expect(await may('redshift:RejectDataShare', SALES)).toBe('Allowed');
    expect(await may('redshift:DescribeDataSharesForConsumer', '*')).toBe('Allowed');
    // denied: another namespace, the whole account (no ConsumerArn), writes, another datashare, the producer side
    expect(await may('redshift:AssociateDataShareConsumer', SALES, { 'redshift:ConsumerArn': namespaceArn(CONSUMER, PRODUCER_NS) })).toBe('ImplicitlyDenied');
    expect(await may('redshift:AssociateDataShareConsumer', SALES)).toBe('ImplicitlyDenied');
    expect(await may('redshift:AssociateDataShareConsumer', SALES, { 'redshift:ConsumerArn': CONSUMER_NAMESPACE, 'redshift:AllowWrites': 'true' })).toBe('ImplicitlyDenied');
    expect(await may('redshift:AssociateDataShareConsumer', share('hrshare'), { 'redshift:ConsumerArn': CONSUMER_NAMESPACE })).toBe('ImplicitlyDenied');
    expect(await may('redshift:RejectDataShare', share('hrshare'))).toBe('ImplicitlyDenied');
    expect(await may('redshift:AuthorizeDataShare', SALES, { 'redshift:ConsumerIdentifier': CONSUMER })).toBe('ImplicitlyDenied');
    expect(await may('redshift:DescribeDataSharesForProducer', '*')).toBe('ImplicitlyDenied');
  });

  test('both sides: each side limited by its own key', async () => {
    const { stack, admin } = setup();
    RedshiftPermissions.manageDataShares(admin, {
      dataShareArns: [SALES, share('marketingshare')],
      consumers: [CONSUMER, CONSUMER_NAMESPACE],
      side: DataShareSide.BOTH,
      allowWrites: true,
    });
    const may = decider(admin, stack);
    expect(await may('redshift:AuthorizeDataShare', share('marketingshare'), { 'redshift:ConsumerIdentifier': CONSUMER, 'redshift:AllowWrites': 'true' })).toBe('Allowed');
    expect(await may('redshift:AuthorizeDataShare', SALES, { 'redshift:ConsumerIdentifier': CONSUMER_NAMESPACE })).toBe('Allowed');
    expect(await may('redshift:AssociateDataShareConsumer', SALES, { 'redshift:ConsumerArn': CONSUMER_NAMESPACE, 'redshift:AllowWrites': 'true' })).toBe('Allowed');
    expect(await may('redshift:DescribeDataShares', '*')).toBe('Allowed');
    expect(await may('redshift:AssociateDataShareConsumer', SALES, { 'redshift:ConsumerArn': namespaceArn(OTHER) })).toBe('ImplicitlyDenied');
    expect(await may('redshift:AuthorizeDataShare', SALES, { 'redshift:ConsumerIdentifier': OTHER })).toBe('ImplicitlyDenied');
  });

  test('cdk-nag: the Describe actions on * are acknowledged with the reason; a * of the user\'s own is still reported', () => {
    const { stack, admin } = setup();
    RedshiftPermissions.manageDataShares(admin, { dataShareArns: [SALES], consumers: [CONSUMER, CONSUMER_NAMESPACE], side: DataShareSide.BOTH });
    expect(nagFindings(stack)).toEqual([]);
    expect(acknowledgements(admin)['AwsSolutions-IAM5[Resource::*]']).toMatch(/^redshift:DescribeDataShares, redshift:DescribeDataSharesForProducer, redshift:DescribeDataSharesForConsumer on '\*': .*no resource type/);

    const other = setup();
    RedshiftPermissions.manageDataShares(other.admin, { dataShareArns: [SALES] });
    other.admin.addToPolicy(new iam.PolicyStatement({ actions: ['ec2:DescribeRegions'], resources: ['*'] }));
    expect(nagFindings(other.stack)).toEqual(['AwsSolutions-IAM5[Resource::*] @ TestStack/Admin/DefaultPolicy/Resource']);
  });
});
