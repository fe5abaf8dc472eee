import { aws_iam as iam, aws_lambda as lambda } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ClusterRoleAssociation } from '../../src';
import { newestNodeRuntime, nodeVersion } from '../../src/private/lambda-runtime';
import { newStack } from '../helpers/synth';

/**
 * The association handler runs on the newest Node.js runtime of the aws-cdk-lib in use, so that a
 * user who upgrades aws-cdk-lib gets the runtime cdk-nag's AwsSolutions-L1 asks for. A newer
 * aws-cdk-lib is simulated by declaring a runtime the installed one does not know: `new
 * lambda.Runtime(...)` adds it to `lambda.Runtime.ALL`, as a release that knows it does.
 */

function handlerRuntime(): string {
  const stack = newStack();
  new ClusterRoleAssociation(stack, 'Attach', { clusterIdentifier: 'my-cluster', roles: [iam.Role.fromRoleName(stack, 'R', 'copy-role')] });
  const functions = Template.fromStack(stack).findResources('AWS::Lambda::Function');
  expect(Object.keys(functions)).toHaveLength(1);
  return Object.values<any>(functions)[0].Properties.Runtime;
}

function l1Findings(): string[] {
  const stack = newStack();
  new ClusterRoleAssociation(stack, 'Attach', { clusterIdentifier: 'my-cluster', roles: [iam.Role.fromRoleName(stack, 'R', 'copy-role')] });
  const report = new AwsSolutionsChecks().validateScope(stack);
  return report.violations.filter((v) => v.ruleName === 'AwsSolutions-L1').flatMap((v) => v.violatingResources.map((r) => `${r.constructPath ?? r.resourceLogicalId}`));
}

describe('the association handler runtime', () => {
  test('is the newest fixed Node.js runtime the installed aws-cdk-lib knows, and at least Node.js 24', () => {
    const known = lambda.Runtime.ALL.filter((r) => r.family === lambda.RuntimeFamily.NODEJS && !r.isVariable).map(nodeVersion);
    const expected = Math.max(24, ...known);
    expect(handlerRuntime()).toBe(`nodejs${expected}.x`);
    expect(l1Findings()).toEqual([]);
  });

  test('follows a newer aws-cdk-lib: a Node.js runtime it adds is the one the handler gets, and AwsSolutions-L1 passes', () => {
    // GIVEN an aws-cdk-lib that knows a Node.js release newer than any today
    const before = lambda.Runtime.ALL.length;
    const future = new lambda.Runtime('nodejs98.x', lambda.RuntimeFamily.NODEJS);
    try {
      // THEN
      expect(newestNodeRuntime()).toBe(future);
      expect(handlerRuntime()).toBe('nodejs98.x');
      expect(l1Findings()).toEqual([]);
    } finally {
      lambda.Runtime.ALL.splice(before);
    }
  });

  test('a variable runtime (NODEJS_LATEST) and runtimes of other families are never chosen', () => {
    const before = lambda.Runtime.ALL.length;
    new lambda.Runtime('nodejs97.x', lambda.RuntimeFamily.NODEJS, { isVariable: true } as any);
    new lambda.Runtime('python9.99', lambda.RuntimeFamily.PYTHON);
    try {
      expect(nodeVersion(newestNodeRuntime())).toBeLessThan(97);
    } finally {
      lambda.Runtime.ALL.splice(before);
    }
  });
});
