import { aws_iam as iam, aws_lambda as lambda } from 'aws-cdk-lib';
import { GrantTarget } from './grant-target';

/** CREATE EXTERNAL FUNCTION (AWS Lambda UDF): `lambda:InvokeFunction` on that function only. */
export function allowInvokeFunction(target: GrantTarget, fn: lambda.IFunction): iam.Grant {
  return iam.Grant.addToPrincipal({
    grantee: target.role,
    actions: ['lambda:InvokeFunction'],
    resourceArns: [fn.functionArn],
  });
}
