import { Aspects, aws_iam as iam, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { NamespaceRoleAssociation, RedshiftIamChecks, RedshiftServiceRole } from '../../src';
import { checkDefaultRoleAttached, DEFAULT_ROLE_ATTACHED } from '../../src/rules/default-role-attached';
import { expectOneFinding } from '../helpers/rules';
import { newStack, synth } from '../helpers/synth';
import { testNamespace } from '../helpers/targets';

describe('default role attached', () => {
  test('a default role that is not attached is an error finding with the rule\'s id', () => {
    const findings = checkDefaultRoleAttached({ defaultRole: "'arn:aws:iam::123456789012:role/Default'", defaultRoleKey: 'd', roleKeys: ['a', 'b'], target: 'namespace' });
    expectOneFinding(findings, DEFAULT_ROLE_ATTACHED, 'cdk-redshift-iam:default-role-attached', 'error');
    expect(findings[0].message).toBe("The default IAM role 'arn:aws:iam::123456789012:role/Default' of this namespace is not among its IAM roles: "
      + "Redshift can make only an attached role the default. Add it to the namespace's `IamRoles` (or a NamespaceRoleAssociation of it)");
  });

  test('an attached default role is no finding', () => {
    expect(checkDefaultRoleAttached({ defaultRole: "'x'", defaultRoleKey: 'b', roleKeys: ['a', 'b'], target: 'namespace' })).toEqual([]);
  });
});

describe('RedshiftIamChecks: a namespace\'s default role', () => {
  function checked() {
    const stack = newStack();
    Aspects.of(stack).add(new RedshiftIamChecks());
    const attached = new RedshiftServiceRole(stack, 'Attached', { serverless: true });
    const other = new RedshiftServiceRole(stack, 'Other', { serverless: true });
    return { stack, attached, other };
  }
  const errors = (stack: Stack) => {
    synth(stack);
    return Annotations.fromStack(stack);
  };

  test('fires when DefaultIamRoleArn is not among IamRoles', () => {
    const { stack, attached, other } = checked();
    testNamespace(stack, { iamRoles: [attached.roleArn], defaultIamRoleArn: other.roleArn });
    errors(stack).hasError('/TestStack/Namespace', Match.stringLikeRegexp(
      "The default IAM role 'TestStack/Other/Resource' of this namespace is not among its IAM roles.*cdk-redshift-iam:default-role-attached"));
  });

  test('fires for a literal ARN too', () => {
    const { stack, attached } = checked();
    testNamespace(stack, { iamRoles: [attached.roleArn], defaultIamRoleArn: 'arn:aws:iam::123456789012:role/Elsewhere' });
    errors(stack).hasError('/TestStack/Namespace', Match.stringLikeRegexp("The default IAM role 'arn:aws:iam::123456789012:role/Elsewhere' of this namespace"));
  });

  test('stays quiet when the default is one of the roles (by Token or by construct)', () => {
    const { stack, attached, other } = checked();
    testNamespace(stack, { iamRoles: [attached.roleArn, other.roleArn], defaultIamRoleArn: other.roleArn });
    testNamespace(stack, { namespaceName: 'plain', iamRoles: [attached.roleArn] }, 'Plain');
    errors(stack).hasNoError('*', Match.stringLikeRegexp('default IAM role'));
  });

  test('stays quiet when a NamespaceRoleAssociation of the namespace attaches the default', () => {
    const { stack, attached, other } = checked();
    testNamespace(stack, { iamRoles: [attached.roleArn], defaultIamRoleArn: other.roleArn });
    new NamespaceRoleAssociation(stack, 'Attach', { namespaceName: 'analytics', namespaceId: '0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b', roles: [other as iam.IRole] });
    errors(stack).hasNoError('*', Match.stringLikeRegexp('default IAM role'));
  });
});
