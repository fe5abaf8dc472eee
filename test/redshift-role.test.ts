import { aws_dynamodb as dynamodb, aws_lambda as lambda } from 'aws-cdk-lib';
import { grantSetup as setup } from './helpers/grants';
import { synth } from './helpers/synth';

describe('a role with every grant', () => {
  test('stays one small inline policy and matches its snapshot', () => {
    const { stack, role, bucket } = setup();
    role.allowCopyFrom(bucket, { keyPrefix: 'in/' });
    role.allowUnloadTo(bucket, { keyPrefix: 'out/' });
    role.allowCreateLibraryFrom(bucket, { keyPrefix: 'lib/' });
    role.allowCopyFromTable(dynamodb.Table.fromTableName(stack, 'T', 'Movies'));
    role.allowCopyFromEmrCluster('j-SAMPLE2B500FC');
    role.allowInvokeFunction(lambda.Function.fromFunctionName(stack, 'F', 'lambda_sum'));
    role.allowSpectrum({ databases: ['spectrumdb'] });
    const template = synth(stack);
    template.resourceCountIs('AWS::IAM::Policy', 1);
    template.resourceCountIs('AWS::IAM::ManagedPolicy', 0);
    // no wildcard action, no '*' resource, no s3:*
    const doc = JSON.stringify(template.findResources('AWS::IAM::Policy'));
    expect(doc).not.toMatch(/"Resource":"\*"|"s3:\*"|"Action":"\*"/);
    expect(template.toJSON()).toMatchSnapshot();
  });
});
