import { checkIdcApplicationTrust, IDC_APPLICATION_RESOURCE_TYPE, IDC_APPLICATION_TRUST, trustIsIdcApplication } from '../../src/rules/idc-application-trust';
import { expectOneFinding } from '../helpers/rules';

const BOTH = ['redshift.amazonaws.com', 'redshift-serverless.amazonaws.com'];
const statement = (service: string | string[], action: string | string[], effect = 'Allow') => ({ Effect: effect, Principal: { Service: service }, Action: action });
const check = (...trust: object[]) => checkIdcApplicationTrust({ role: "'App/Idc/Resource'", trust });

describe('idc-application-trust', () => {
  test('reads the one released CloudFormation type, AWS::Redshift::RedshiftIdcApplication (not the proposed AWS::Redshift::IdcApplication)', () => {
    expect(IDC_APPLICATION_RESOURCE_TYPE).toBe('AWS::Redshift::RedshiftIdcApplication');
    expect(IDC_APPLICATION_TRUST.summary).toContain('`AWS::Redshift::RedshiftIdcApplication` `IamRoleArn`');
    expect(IDC_APPLICATION_TRUST.summary).not.toContain('AWS::Redshift::IdcApplication');
  });

  test('both principals with both actions, in one statement or several, is no finding', () => {
    expect(check(statement(BOTH, ['sts:AssumeRole', 'sts:SetContext']))).toEqual([]);
    expect(check(statement(BOTH, 'sts:AssumeRole'), statement(BOTH, 'sts:SetContext'))).toEqual([]);
    expect(check(statement('redshift.amazonaws.com', 'sts:*'), statement('redshift-serverless.amazonaws.com', '*'))).toEqual([]);
    expect(check(statement(['redshift.amazonaws.com.cn', 'redshift-serverless.amazonaws.com.cn'], ['sts:AssumeRole', 'sts:SetContext']))).toEqual([]);
  });

  test('without sts:SetContext: an error finding with the rule\'s id, naming the role and each missing pair', () => {
    const findings = check(statement(BOTH, 'sts:AssumeRole'));
    expectOneFinding(findings, IDC_APPLICATION_TRUST, 'cdk-redshift-iam:idc-application-trust', 'error');
    expect(findings[0].message).toBe("Role 'App/Idc/Resource' is the IAM role of this Redshift IAM Identity Center application (IamRoleArn), but its trust policy "
      + 'does not allow redshift.amazonaws.com sts:SetContext, redshift-serverless.amazonaws.com sts:SetContext: Redshift could not use it for '
      + 'trusted identity propagation. Use RedshiftIdcApplicationRole, or trust redshift.amazonaws.com and redshift-serverless.amazonaws.com '
      + 'with sts:AssumeRole and sts:SetContext');
  });

  test.each([
    ['only Redshift (provisioned)', [statement('redshift.amazonaws.com', ['sts:AssumeRole', 'sts:SetContext'])], 'redshift-serverless.amazonaws.com sts:AssumeRole, redshift-serverless.amazonaws.com sts:SetContext'],
    ['a Regional principal only', [statement(['redshift.us-west-2.amazonaws.com', 'redshift-serverless.amazonaws.com'], ['sts:AssumeRole', 'sts:SetContext'])],
      'redshift.amazonaws.com sts:AssumeRole, redshift.amazonaws.com sts:SetContext'],
    ['a Deny does not grant', [statement(BOTH, ['sts:AssumeRole', 'sts:SetContext'], 'Deny')], 'redshift.amazonaws.com sts:AssumeRole'],
    ['Lambda', [statement('lambda.amazonaws.com', ['sts:AssumeRole', 'sts:SetContext'])], 'redshift.amazonaws.com sts:AssumeRole'],
    ['no trust statement', [], 'redshift.amazonaws.com sts:AssumeRole'],
  ])('%s: a finding naming what is missing', (_what, trust, missing) => {
    const findings = check(...trust);
    expectOneFinding(findings, IDC_APPLICATION_TRUST, 'cdk-redshift-iam:idc-application-trust', 'error');
    expect(findings[0].message).toContain(`does not allow ${missing}`);
  });

  test('a principal that is a Token: no finding (it could be Redshift)', () => {
    expect(check(statement([{ Ref: 'Service' } as any, 'redshift.amazonaws.com'], 'sts:AssumeRole'))).toEqual([]);
    expect(check(statement(['${Token[TOKEN.1]}', 'redshift.amazonaws.com'], 'sts:AssumeRole'))).toEqual([]);
  });

  test('trustIsIdcApplication: a Redshift trust with sts:SetContext', () => {
    expect(trustIsIdcApplication([statement(BOTH, ['sts:AssumeRole', 'sts:SetContext'])])).toBe(true);
    expect(trustIsIdcApplication([statement(BOTH, 'sts:AssumeRole')])).toBe(false);
    expect(trustIsIdcApplication([statement('quicksight.amazonaws.com', ['sts:AssumeRole', 'sts:SetContext'])])).toBe(false);
  });
});
