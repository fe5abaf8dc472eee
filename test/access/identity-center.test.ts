import { aws_iam as iam, CfnParameter } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { RedshiftPermissions } from '../../src';
import { roleMay, roleView } from '../helpers/iam';
import { ACCOUNT, newStack, synth } from '../helpers/synth';

const cluster = (name: string, region = 'us-west-2') => `arn:aws:redshift:${region}:${ACCOUNT}:cluster:${name}`;
const WG = '0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b';
const OTHER_WG = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const workgroup = (id: string) => `arn:aws:redshift-serverless:us-west-2:${ACCOUNT}:workgroup/${id}`;

function setup() {
  const stack = newStack();
  const app = new iam.Role(stack, 'BiApp', { assumedBy: new iam.AccountRootPrincipal(), roleName: 'BiApp' });
  return { stack, app };
}

describe('RedshiftPermissions.getIdentityCenterAuthToken', () => {
  test('redshift:GetIdentityCenterAuthToken on the clusters, redshift-serverless:GetIdentityCenterAuthToken on the workgroups', async () => {
    // GIVEN
    const { stack, app } = setup();
    // WHEN
    RedshiftPermissions.getIdentityCenterAuthToken(app, { clusterIdentifiers: ['analytics', 'reporting'], workgroupArns: [workgroup(WG)] });
    // THEN
    const template = synth(stack);
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [
          { Effect: 'Allow', Action: 'redshift:GetIdentityCenterAuthToken', Resource: [cluster('analytics'), cluster('reporting')] },
          { Effect: 'Allow', Action: 'redshift-serverless:GetIdentityCenterAuthToken', Resource: workgroup(WG) },
        ],
      },
    });
    const view = roleView(app, template);
    expect(await roleMay(view, 'redshift:GetIdentityCenterAuthToken', cluster('analytics'))).toBe('Allowed');
    expect(await roleMay(view, 'redshift:GetIdentityCenterAuthToken', cluster('reporting'))).toBe('Allowed');
    expect(await roleMay(view, 'redshift-serverless:GetIdentityCenterAuthToken', workgroup(WG))).toBe('Allowed');
    // neighbours: another cluster, a cluster of another Region, another workgroup, other sign-in actions
    expect(await roleMay(view, 'redshift:GetIdentityCenterAuthToken', cluster('finance'))).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'redshift:GetIdentityCenterAuthToken', cluster('analytics', 'us-east-1'))).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'redshift-serverless:GetIdentityCenterAuthToken', workgroup(OTHER_WG))).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'redshift-serverless:GetCredentials', workgroup(WG))).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'redshift:GetClusterCredentialsWithIAM', `arn:aws:redshift:us-west-2:${ACCOUNT}:dbname:analytics/dev`)).toBe('ImplicitlyDenied');
  });

  test('clusters only, in another Region and account', async () => {
    const { stack, app } = setup();
    RedshiftPermissions.getIdentityCenterAuthToken(app, { clusterIdentifiers: ['analytics'], region: 'us-east-1', account: '210987654321' });
    const view = roleView(app, synth(stack));
    expect(await roleMay(view, 'redshift:GetIdentityCenterAuthToken', 'arn:aws:redshift:us-east-1:210987654321:cluster:analytics')).toBe('Allowed');
    expect(await roleMay(view, 'redshift:GetIdentityCenterAuthToken', cluster('analytics'))).toBe('ImplicitlyDenied');
  });

  test('workgroups only; Tokens pass', () => {
    const { stack, app } = setup();
    const arn = new CfnParameter(stack, 'Workgroup', { type: 'String' }).valueAsString;
    RedshiftPermissions.getIdentityCenterAuthToken(app, { workgroupArns: [arn] });
    synth(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'redshift-serverless:GetIdentityCenterAuthToken', Resource: { Ref: 'Workgroup' } }] },
    });
  });

  test('cdk-nag: no finding (every resource is named)', () => {
    const { stack, app } = setup();
    RedshiftPermissions.getIdentityCenterAuthToken(app, { clusterIdentifiers: ['analytics'], workgroupArns: [workgroup(WG)] });
    synth(stack);
    expect(new AwsSolutionsChecks().validateScope(stack).violations).toEqual([]);
  });
});
