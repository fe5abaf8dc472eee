import { App, aws_iam as iam, Lazy, Stack } from 'aws-cdk-lib';
import { grantStatementJson } from '../../src/private/policy-packer';

/** A statement as iam.Grant.addToPrincipal makes it: actions, resources and conditions only. */
const grantStatement = (actions: string[], resources: string[], conditions?: Record<string, unknown>) =>
  new iam.PolicyStatement({ actions, resources, conditions });

describe('grantStatementJson', () => {
  const stack = new Stack(new App(), 'S', { env: { account: '111111111111', region: 'us-east-1' } });
  const bucketArn = Lazy.string({ produce: () => 'arn:aws:s3:::made-later' });
  const listToken = Lazy.list({ produce: () => ['arn:aws:s3:::a', 'arn:aws:s3:::b'] });

  test.each<[string, iam.PolicyStatement]>([
    ['one action, one resource', grantStatement(['s3:GetObject'], ['arn:aws:s3:::b/in/*'])],
    ['several actions, several resources', grantStatement(['s3:GetObject', 's3:PutObject'], ['arn:aws:s3:::b/in/*', 'arn:aws:s3:::b/out/*'])],
    ['a condition', grantStatement(['s3:ListBucket'], ['arn:aws:s3:::b'], { StringLike: { 's3:prefix': ['in/*', 'out/*'] } })],
    ['several conditions, a lone value', grantStatement(['bedrock:InvokeModel'], ['arn:aws:bedrock:*::foundation-model/x'], {
      ArnEquals: { 'bedrock:InferenceProfileArn': 'arn:aws:bedrock:us-east-1:111111111111:inference-profile/p' },
      StringEquals: { 'aws:ResourceAccount': '111111111111' },
    })],
    ['a repeated action and resource', grantStatement(['s3:GetObject', 's3:GetObject'], ['arn:aws:s3:::b/*', 'arn:aws:s3:::b/*'])],
    ['a Token in a resource', grantStatement(['s3:ListBucket'], [bucketArn])],
    ['a list Token as the resources', grantStatement(['s3:ListBucket'], listToken)],
    ['no resources', grantStatement(['kinesis:ListStreams'], [])],
  ])('%s: what toStatementJson() renders, key order included', (_name, statement) => {
    expect(JSON.stringify(grantStatementJson(statement))).toEqual(JSON.stringify(statement.toStatementJson()));
    // The same once the template resolves it.
    expect(stack.resolve(grantStatementJson(statement))).toEqual(stack.resolve(statement.toStatementJson()));
  });

  test('each shape is checked against toStatementJson() once, then written without rendering', () => {
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { aws_iam: isolatedIam } = require('aws-cdk-lib') as typeof import('aws-cdk-lib');
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { grantStatementJson: isolated } = require('../../src/private/policy-packer') as typeof import('../../src/private/policy-packer');
      const render = jest.spyOn(isolatedIam.PolicyStatement.prototype, 'toStatementJson');
      const make = (i: number, conditions?: Record<string, unknown>) =>
        new isolatedIam.PolicyStatement({ actions: ['s3:GetObject'], resources: [`arn:aws:s3:::b${i}/*`], conditions });
      isolated(make(1));
      isolated(make(2));
      isolated(make(3));
      expect(render).toHaveBeenCalledTimes(1);
      isolated(make(4, { Bool: { 'aws:SecureTransport': 'true' } }));
      isolated(make(5, { Bool: { 'aws:SecureTransport': 'true' } }));
      expect(render).toHaveBeenCalledTimes(2);
      render.mockRestore();
    });
  });

  test('a release that renders a shape otherwise is noticed, and every statement is rendered from then on', () => {
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { aws_iam: isolatedIam } = require('aws-cdk-lib') as typeof import('aws-cdk-lib');
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { grantStatementJson: isolated } = require('../../src/private/policy-packer') as typeof import('../../src/private/policy-packer');
      // GIVEN an aws-cdk-lib that keeps a single action in a list
      const original = isolatedIam.PolicyStatement.prototype.toStatementJson;
      const render = jest.spyOn(isolatedIam.PolicyStatement.prototype, 'toStatementJson').mockImplementation(function (this: iam.PolicyStatement) {
        const json = original.call(this);
        return { ...json, Action: this.actions };
      });
      const one = new isolatedIam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::b/*'] });
      // THEN the packer takes the rendered JSON, for that shape and for every other one
      expect(isolated(one)).toEqual({ Action: ['s3:GetObject'], Effect: 'Allow', Resource: 'arn:aws:s3:::b/*' });
      const several = new isolatedIam.PolicyStatement({ actions: ['s3:GetObject', 's3:PutObject'], resources: ['arn:aws:s3:::b/*', 'arn:aws:s3:::c/*'] });
      isolated(several);
      isolated(several);
      expect(render).toHaveBeenCalledTimes(3);
      render.mockRestore();
    });
  });

  test('the grants of a role are placed without rendering their statements, once each shape is checked', () => {
    jest.isolateModules(() => {
      /* eslint-disable @typescript-eslint/no-require-imports */
      const cdk = require('aws-cdk-lib') as typeof import('aws-cdk-lib');
      const library = require('../../src') as typeof import('../../src');
      /* eslint-enable @typescript-eslint/no-require-imports */
      const isolatedStack = new cdk.Stack(new cdk.App(), 'S', { env: { account: '111111111111', region: 'us-east-1' } });
      const render = jest.spyOn(cdk.aws_iam.PolicyStatement.prototype, 'toStatementJson');
      for (let i = 0; i < 3; i++) {
        const role = new library.RedshiftServiceRole(isolatedStack, `Role${i}`);
        role.allowCopyFrom(cdk.aws_s3.Bucket.fromBucketName(isolatedStack, `Data${i}`, `data-${i}`), { keyPrefix: 'in/' });
      }
      // Six statements of two shapes (ListBucket with its s3:prefix condition, GetObject): one check each.
      expect(render).toHaveBeenCalledTimes(2);
      render.mockRestore();
    });
  });
});
