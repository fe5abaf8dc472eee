import { Aspects, aws_iam as iam, CfnParameter, CfnResource } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { RedshiftIamChecks, RedshiftIdcApplicationRole } from '../src';
import { assume, decide, roleMay, roleView } from './helpers/iam';
import { ACCOUNT, newStack, synth } from './helpers/synth';

const INSTANCE = 'arn:aws:sso:::instance/ssoins-1234567890abcdef';
const APP = `arn:aws:sso::${ACCOUNT}:application/ssoins-1234567890abcdef/apl-1234567890abcdef`;
const OTHER_APP = `arn:aws:sso::${ACCOUNT}:application/ssoins-1234567890abcdef/apl-fedcba0987654321`;
const WORKGROUP = (id: string, region = 'us-west-2') => `arn:aws:redshift-serverless:${region}:${ACCOUNT}:workgroup/${id}`;
const UUID = '0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b';

describe('RedshiftIdcApplicationRole', () => {
  test('trusts Redshift and Redshift Serverless with sts:AssumeRole and sts:SetContext, in one statement', async () => {
    // GIVEN
    const stack = newStack();
    // WHEN
    const role = new RedshiftIdcApplicationRole(stack, 'Idc', { identityCenterInstanceArn: INSTANCE, roleName: 'RedshiftIdc' });
    // THEN
    const template = synth(stack);
    template.hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'RedshiftIdc',
      AssumeRolePolicyDocument: {
        Statement: [{
          Effect: 'Allow',
          Principal: { Service: ['redshift.amazonaws.com', 'redshift-serverless.amazonaws.com'] },
          Action: ['sts:AssumeRole', 'sts:SetContext'],
        }],
      },
    });
    const view = roleView(role, template);
    const setContext = (principal: string) => decide({ principal, action: 'sts:SetContext', resource: view.arn, resourceAccount: ACCOUNT, resourcePolicy: view.trust });
    for (const principal of ['redshift.amazonaws.com', 'redshift-serverless.amazonaws.com']) {
      expect(await assume(view, principal)).toBe('Allowed');
      expect(await setContext(principal)).toBe('Allowed');
    }
    // neighbours: other services, and another STS action
    expect(await assume(view, 'sso.amazonaws.com')).toBe('ImplicitlyDenied');
    expect(await setContext('quicksight.amazonaws.com')).toBe('ImplicitlyDenied');
    expect(await decide({ principal: 'redshift.amazonaws.com', action: 'sts:TagSession', resource: view.arn, resourceAccount: ACCOUNT, resourcePolicy: view.trust }))
      .toBe('ImplicitlyDenied');
    expect(role.identityCenterInstanceArn).toBe(INSTANCE);
  });

  test('the guide\'s read actions: sso on the named instance and its applications only, GetWorkgroup in this account and Region', async () => {
    // GIVEN
    const stack = newStack();
    // WHEN
    const role = new RedshiftIdcApplicationRole(stack, 'Idc', { identityCenterInstanceArn: INSTANCE });
    // THEN
    const template = synth(stack);
    template.hasResourceProperties('AWS::IAM::Role', {
      Policies: [{
        PolicyName: 'IdentityCenterAccess',
        PolicyDocument: {
          Statement: [
            { Effect: 'Allow', Action: ['redshift:DescribeQev2IdcApplications', 'redshift-serverless:ListNamespaces', 'redshift-serverless:ListWorkgroups'], Resource: '*' },
            { Effect: 'Allow', Action: 'redshift-serverless:GetWorkgroup', Resource: `arn:aws:redshift-serverless:us-west-2:${ACCOUNT}:workgroup/*` },
            { Effect: 'Allow', Action: 'sso:DescribeInstance', Resource: INSTANCE },
            { Effect: 'Allow', Action: 'sso:DescribeApplication', Resource: `arn:aws:sso::${ACCOUNT}:application/ssoins-1234567890abcdef/*` },
          ],
        },
      }],
    });
    const view = roleView(role, template);
    expect(await roleMay(view, 'sso:DescribeInstance', INSTANCE)).toBe('Allowed');
    expect(await roleMay(view, 'sso:DescribeApplication', APP)).toBe('Allowed');
    expect(await roleMay(view, 'redshift-serverless:GetWorkgroup', WORKGROUP(UUID))).toBe('Allowed');
    for (const action of ['redshift:DescribeQev2IdcApplications', 'redshift-serverless:ListNamespaces', 'redshift-serverless:ListWorkgroups']) {
      expect(await roleMay(view, action, '*')).toBe('Allowed');
    }
    // neighbours: another instance, its applications, a workgroup of another Region, writes, another service
    expect(await roleMay(view, 'sso:DescribeInstance', 'arn:aws:sso:::instance/ssoins-abcdefabcdefabcd')).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'sso:DescribeApplication', `arn:aws:sso::${ACCOUNT}:application/ssoins-abcdefabcdefabcd/apl-1234567890abcdef`)).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'redshift-serverless:GetWorkgroup', WORKGROUP(UUID, 'us-east-1'))).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'sso:UpdateApplication', APP)).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'sso:DeleteApplication', APP)).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'redshift-serverless:DeleteWorkgroup', WORKGROUP(UUID))).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'redshift:DescribeRedshiftIdcApplications', '*')).toBe('ImplicitlyDenied');
  });

  test('applicationArns: DescribeApplication on exactly those', async () => {
    const stack = newStack();
    const role = new RedshiftIdcApplicationRole(stack, 'Idc', { identityCenterInstanceArn: INSTANCE, applicationArns: [APP] });
    const view = roleView(role, synth(stack));
    expect(await roleMay(view, 'sso:DescribeApplication', APP)).toBe('Allowed');
    expect(await roleMay(view, 'sso:DescribeApplication', OTHER_APP)).toBe('ImplicitlyDenied');
  });

  test('Tokens pass: an instance ARN parameter names the applications of its instance', () => {
    const stack = newStack();
    const instance = new CfnParameter(stack, 'Instance', { type: 'String' }).valueAsString;
    new RedshiftIdcApplicationRole(stack, 'Idc', { identityCenterInstanceArn: instance });
    const template = synth(stack);
    template.hasResourceProperties('AWS::IAM::Role', {
      Policies: [{ PolicyDocument: { Statement: Match.arrayWith([{ Effect: 'Allow', Action: 'sso:DescribeInstance', Resource: { Ref: 'Instance' } }]) } }],
    });
  });

  test('cdk-nag: its wildcards are acknowledged with their reasons, on the role only; a * added to it stays reported', () => {
    // GIVEN
    const stack = newStack();
    const role = new RedshiftIdcApplicationRole(stack, 'Idc', { identityCenterInstanceArn: INSTANCE });
    // WHEN
    synth(stack);
    const clean = new AwsSolutionsChecks().validateScope(stack);
    // THEN
    expect(clean.violations.map((v) => v.ruleName)).toEqual([]);
    const acks = JSON.stringify(role.node.defaultChild!.node.metadata);
    expect(acks).toContain('AwsSolutions-IAM5[Resource::*]');
    expect(acks).toContain('workgroup/*');
    expect(acks).toContain('application/ssoins-1234567890abcdef/*');

    const other = newStack();
    const broad = new RedshiftIdcApplicationRole(other, 'Idc', { identityCenterInstanceArn: INSTANCE });
    broad.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['*'] }));
    // a deliberate `*` of the user's own: not through the policy gate
    Template.fromStack(other);
    const report = new AwsSolutionsChecks().validateScope(other);
    expect(report.violations.flatMap((v) => v.violatingResources.map((r) => `${v.ruleName} @ ${r.constructPath}`)))
      .toContain('AwsSolutions-IAM5[Resource::*] @ TestStack/Idc/DefaultPolicy/Resource');
  });

  test('RedshiftIamChecks finds nothing to report on it, the IdC application included', () => {
    const stack = newStack();
    Aspects.of(stack).add(new RedshiftIamChecks({ info: true }));
    const role = new RedshiftIdcApplicationRole(stack, 'Idc', { identityCenterInstanceArn: INSTANCE });
    new CfnResource(stack, 'IdcApplication', {
      type: 'AWS::Redshift::RedshiftIdcApplication',
      properties: { IdcInstanceArn: INSTANCE, IdcDisplayName: 'Analytics', RedshiftIdcApplicationName: 'analytics', IamRoleArn: role.roleArn },
    });
    // CloudFormation has no such type yet (cfn-lint E3006; cloudformation-coverage-roadmap#2203): not through the lint gate
    Template.fromStack(stack);
    const found = Annotations.fromStack(stack);
    expect(found.findError('*', Match.stringLikeRegexp('RedshiftIamChecks'))).toEqual([]);
    expect(found.findWarning('*', Match.stringLikeRegexp('RedshiftIamChecks'))).toEqual([]);
    expect(found.findInfo('*', Match.stringLikeRegexp('RedshiftIamChecks'))).toEqual([]);
  });
});
