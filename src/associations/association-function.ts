import * as path from 'path';
import { aws_lambda as lambda } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { newestNodeRuntime } from '../private/lambda-runtime';

/**
 * The association handler's Lambda function: the code projen bundles from
 * src/association-handler/association.lambda.ts into assets/ (shipped in the npm package), on the
 * newest Node.js runtime of the user's aws-cdk-lib (see `newestNodeRuntime`).
 */
export class AssociationFunction extends lambda.Function {
  constructor(scope: Construct, id: string, props: lambda.FunctionOptions) {
    super(scope, id, {
      ...props,
      runtime: newestNodeRuntime(),
      handler: 'index.handler',
      code: lambda.Code.fromAsset(path.join(__dirname, '..', '..', 'assets', 'association-handler', 'association.lambda')),
    });
  }
}
