import { aws_iam as iam, aws_lambda as lambda } from 'aws-cdk-lib';
import { GrantTarget } from './grant-target';
import { adviseCrossAccount } from '../private/advice';

/** CREATE EXTERNAL FUNCTION (AWS Lambda UDF): `lambda:InvokeFunction` on that function only. */
export function allowInvokeFunction(target: GrantTarget, fn: lambda.IFunction): iam.Grant {
  adviseCrossAccount(target.role, fn, 'allowInvokeFunction');
  return target.grant({
    actions: ['lambda:InvokeFunction'],
    resourceArns: [fn.functionArn],
  });
}
