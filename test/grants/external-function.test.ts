import { aws_lambda as lambda } from 'aws-cdk-lib';
import { grantSetup as setup } from '../helpers/grants';
import { roleMay, roleView } from '../helpers/iam';
import { synth } from '../helpers/synth';

describe('allowInvokeFunction', () => {
  test('InvokeFunction on that function only', async () => {
    const { stack, role } = setup();
    const fn = lambda.Function.fromFunctionArn(stack, 'Fn', 'arn:aws:lambda:us-west-2:123456789012:function:lambda_sum');
    role.allowInvokeFunction(fn);
    const view = roleView(role, synth(stack));
    expect(await roleMay(view, 'lambda:InvokeFunction', 'arn:aws:lambda:us-west-2:123456789012:function:lambda_sum')).toBe('Allowed');
    expect(await roleMay(view, 'lambda:InvokeFunction', 'arn:aws:lambda:us-west-2:123456789012:function:other')).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'lambda:UpdateFunctionCode', 'arn:aws:lambda:us-west-2:123456789012:function:lambda_sum')).toBe('ImplicitlyDenied');
  });
});
