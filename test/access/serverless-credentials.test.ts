import { aws_iam as iam, aws_redshiftserverless as rss } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { RedshiftPermissions } from '../../src';
import { roleMay, roleView } from '../helpers/iam';
import { ACCOUNT, newStack, synth } from '../helpers/synth';

const WG = '0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b';
const OTHER_WG = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const workgroup = (id: string) => `arn:aws:redshift-serverless:us-west-2:${ACCOUNT}:workgroup/${id}`;

describe('RedshiftPermissions.getServerlessCredentials', () => {
  test('redshift-serverless:GetCredentials on the named workgroups, with no condition (none exists for the database or user)', async () => {
    // GIVEN
    const stack = newStack();
    const analyst = new iam.Role(stack, 'Analyst', { assumedBy: new iam.AccountRootPrincipal(), roleName: 'Analyst' });
    // WHEN
    RedshiftPermissions.getServerlessCredentials(analyst, { workgroupArns: [workgroup(WG)] });
    // THEN
    const template = synth(stack);
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'redshift-serverless:GetCredentials', Resource: workgroup(WG) }] },
    });
    const view = roleView(analyst, template);
    expect(await roleMay(view, 'redshift-serverless:GetCredentials', workgroup(WG))).toBe('Allowed');
    // any database, any duration: IAM has no key to say otherwise
    expect(await roleMay(view, 'redshift-serverless:GetCredentials', workgroup(WG), { 'redshift:DbName': 'payroll' })).toBe('Allowed');
    // neighbours: another workgroup, a workgroup of another account, other actions on the same workgroup
    expect(await roleMay(view, 'redshift-serverless:GetCredentials', workgroup(OTHER_WG))).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'redshift-serverless:GetCredentials', `arn:aws:redshift-serverless:us-west-2:210987654321:workgroup/${WG}`)).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'redshift-serverless:GetWorkgroup', workgroup(WG))).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'redshift-serverless:GetIdentityCenterAuthToken', workgroup(WG))).toBe('ImplicitlyDenied');
  });

  test('a workgroup of this app, by its ARN attribute; cdk-nag has no finding', () => {
    const stack = newStack();
    const analyst = new iam.Role(stack, 'Analyst', { assumedBy: new iam.AccountRootPrincipal() });
    const wg = new rss.CfnWorkgroup(stack, 'Workgroup', { workgroupName: 'analytics', namespaceName: 'analytics' });
    RedshiftPermissions.getServerlessCredentials(analyst, { workgroupArns: [wg.attrWorkgroupWorkgroupArn] });
    synth(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'redshift-serverless:GetCredentials', Resource: { 'Fn::GetAtt': ['Workgroup', 'Workgroup.WorkgroupArn'] } }] },
    });
    expect(new AwsSolutionsChecks().validateScope(stack).violations).toEqual([]);
  });
});
