import { CfnParameter } from 'aws-cdk-lib';
import { ChainedRole, DatabaseUser, RedshiftServiceRole } from '../../src';
import { grantSetup as setup } from '../helpers/grants';
import { assume, roleMay, roleView } from '../helpers/iam';
import { acknowledgements, nagFindings } from '../helpers/nag';
import { newStack, synth } from '../helpers/synth';
import { trustStatement } from '../helpers/trust';

const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';
const SONNET = 'anthropic.claude-3-5-sonnet-20240620-v1:0';
const model = (id: string, region = 'us-west-2') => `arn:aws:bedrock:${region}::foundation-model/${id}`;
const US_HAIKU = 'arn:aws:bedrock:us-west-2:123456789012:inference-profile/us.anthropic.claude-3-haiku-20240307-v1:0';
const EU_HAIKU = 'arn:aws:bedrock:eu-west-1:123456789012:inference-profile/eu.anthropic.claude-3-haiku-20240307-v1:0';
const GLOBAL_SONNET = 'arn:aws:bedrock:us-west-2:123456789012:inference-profile/global.anthropic.claude-3-5-sonnet-20240620-v1:0';
const APP_PROFILE = 'arn:aws:bedrock:us-west-2:123456789012:application-inference-profile/a1b2c3d4e5f6';
const PROVISIONED = 'arn:aws:bedrock:us-west-2:123456789012:provisioned-model/abcdefgh1234';
const through = (profile: string) => ({ 'bedrock:InferenceProfileArn': profile });
const USER1 = 'arn:aws:redshift:us-west-2:123456789012:dbuser:my-cluster/ml_user';

describe('allowBedrockModels', () => {
  test('foundation models: bedrock:InvokeModel on exactly those models in the stack Region (REQUEST_TYPE RAW and UNIFIED)', async () => {
    // GIVEN
    const { stack, role } = setup();
    // WHEN
    const grant = role.allowBedrockModels({ foundationModels: [HAIKU] });
    // THEN
    expect(grant.success).toBe(true);
    const template = synth(stack);
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'bedrock:InvokeModel', Resource: model(HAIKU) }] },
    });
    const view = roleView(role, template);
    // RAW calls InvokeModel, UNIFIED calls Converse, which bedrock:InvokeModel authorizes
    expect(await roleMay(view, 'bedrock:InvokeModel', model(HAIKU))).toBe('Allowed');
    // denied: another model, another Region, streaming, model administration, a provisioned model
    expect(await roleMay(view, 'bedrock:InvokeModel', model(SONNET))).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'bedrock:InvokeModel', model(HAIKU, 'us-east-1'))).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'bedrock:InvokeModelWithResponseStream', model(HAIKU))).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'bedrock:CreateModelCustomizationJob', model(HAIKU))).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'bedrock:InvokeModel', PROVISIONED)).toBe('ImplicitlyDenied');
  });

  test('a cross-Region profile: the profile, and its foundation model in any Region only through that profile', async () => {
    const { stack, role } = setup();
    role.allowBedrockModels({ inferenceProfileArns: [US_HAIKU] });
    const template = synth(stack);
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [
          { Effect: 'Allow', Action: 'bedrock:InvokeModel', Resource: US_HAIKU },
          {
            Effect: 'Allow',
            Action: 'bedrock:InvokeModel',
            Resource: `arn:aws:bedrock:*::foundation-model/${HAIKU}`,
            Condition: { ArnEquals: { 'bedrock:InferenceProfileArn': US_HAIKU } },
          },
        ],
      },
    });
    const view = roleView(role, template);
    expect(await roleMay(view, 'bedrock:InvokeModel', US_HAIKU)).toBe('Allowed');
    // the Regions the US profile routes to
    for (const region of ['us-east-1', 'us-east-2', 'us-west-2']) {
      expect(await roleMay(view, 'bedrock:InvokeModel', model(HAIKU, region), through(US_HAIKU))).toBe('Allowed');
    }
    // denied: the model directly, through another profile, another model through this profile, another profile
    expect(await roleMay(view, 'bedrock:InvokeModel', model(HAIKU))).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'bedrock:InvokeModel', model(HAIKU, 'eu-west-1'), through(EU_HAIKU))).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'bedrock:InvokeModel', model(SONNET, 'us-east-1'), through(US_HAIKU))).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'bedrock:InvokeModel', EU_HAIKU)).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'bedrock:InvokeModel', US_HAIKU.replace('us-west-2', 'us-east-1'))).toBe('ImplicitlyDenied');
  });

  test('a global profile: its model in every Region, through it only', async () => {
    const { stack, role } = setup();
    role.allowBedrockModels({ inferenceProfileArns: [GLOBAL_SONNET] });
    const view = roleView(role, synth(stack));
    expect(await roleMay(view, 'bedrock:InvokeModel', GLOBAL_SONNET)).toBe('Allowed');
    expect(await roleMay(view, 'bedrock:InvokeModel', model(SONNET, 'ap-northeast-1'), through(GLOBAL_SONNET))).toBe('Allowed');
    expect(await roleMay(view, 'bedrock:InvokeModel', model(SONNET, 'eu-central-1'), through(GLOBAL_SONNET))).toBe('Allowed');
    expect(await roleMay(view, 'bedrock:InvokeModel', model(SONNET, 'eu-central-1'))).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'bedrock:InvokeModel', model(HAIKU, 'eu-central-1'), through(GLOBAL_SONNET))).toBe('ImplicitlyDenied');
  });

  test('an application inference profile: the profile, and the models it routes to, through it only', async () => {
    const { stack, role } = setup();
    role.allowBedrockModels({ inferenceProfileArns: [APP_PROFILE] });
    const view = roleView(role, synth(stack));
    expect(await roleMay(view, 'bedrock:InvokeModel', APP_PROFILE)).toBe('Allowed');
    expect(await roleMay(view, 'bedrock:InvokeModel', model(HAIKU, 'us-east-1'), through(APP_PROFILE))).toBe('Allowed');
    // denied: any model directly, another application profile, a model through another profile
    expect(await roleMay(view, 'bedrock:InvokeModel', model(HAIKU))).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'bedrock:InvokeModel', APP_PROFILE.replace('a1b2c3d4e5f6', 'ffffffffffff'))).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'bedrock:InvokeModel', model(HAIKU), through(US_HAIKU))).toBe('ImplicitlyDenied');
  });

  test('provisioned models: that provisioned model only', async () => {
    const { stack, role } = setup();
    role.allowBedrockModels({ provisionedModelArns: [PROVISIONED] });
    const view = roleView(role, synth(stack));
    expect(await roleMay(view, 'bedrock:InvokeModel', PROVISIONED)).toBe('Allowed');
    expect(await roleMay(view, 'bedrock:InvokeModel', PROVISIONED.replace('abcdefgh1234', 'zzzzzzzz9999'))).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'bedrock:InvokeModel', model(HAIKU))).toBe('ImplicitlyDenied');
  });

  test('all three kinds together, and a second call: one statement for the named resources, one per profile', () => {
    const { stack, role } = setup();
    role.allowBedrockModels({ foundationModels: [HAIKU], inferenceProfileArns: [US_HAIKU, APP_PROFILE], provisionedModelArns: [PROVISIONED] });
    role.allowBedrockModels({ foundationModels: [SONNET] });
    const statements = synth(stack).toJSON().Resources.RoleAccessPolicyD30852D6.Properties.PolicyDocument.Statement;
    expect(statements).toEqual([
      { Effect: 'Allow', Action: 'bedrock:InvokeModel', Resource: [model(HAIKU), US_HAIKU, APP_PROFILE, PROVISIONED, model(SONNET)] },
      { Effect: 'Allow', Action: 'bedrock:InvokeModel', Resource: `arn:aws:bedrock:*::foundation-model/${HAIKU}`, Condition: { ArnEquals: through(US_HAIKU) } },
      { Effect: 'Allow', Action: 'bedrock:InvokeModel', Resource: 'arn:aws:bedrock:*::foundation-model/*', Condition: { ArnEquals: through(APP_PROFILE) } },
    ]);
  });

  test('a profile given as a Token: the profile and every model through it (the condition resolves with the ARN)', () => {
    const { stack, role } = setup();
    const profile = new CfnParameter(stack, 'ProfileArn').valueAsString;
    role.allowBedrockModels({ inferenceProfileArns: [profile] });
    const statements = synth(stack).toJSON().Resources.RoleAccessPolicyD30852D6.Properties.PolicyDocument.Statement;
    expect(statements).toEqual([
      { Effect: 'Allow', Action: 'bedrock:InvokeModel', Resource: { Ref: 'ProfileArn' } },
      {
        Effect: 'Allow',
        Action: 'bedrock:InvokeModel',
        Resource: 'arn:aws:bedrock:*::foundation-model/*',
        Condition: { ArnEquals: { 'bedrock:InferenceProfileArn': { Ref: 'ProfileArn' } } },
      },
    ]);
  });

  test('the trust does not change: Redshift only, with its database-user condition (no bedrock.amazonaws.com)', async () => {
    const stack = newStack();
    const role = new RedshiftServiceRole(stack, 'Role', { roleName: 'RedshiftBedrock', databaseUsers: [DatabaseUser.inCluster('my-cluster', 'ml_user')] });
    role.allowBedrockModels({ foundationModels: [HAIKU], inferenceProfileArns: [US_HAIKU] });
    const template = synth(stack);
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [trustStatement('redshift.amazonaws.com', { StringEquals: { 'sts:ExternalId': USER1 } })] },
    });
    const view = roleView(role, template);
    expect(await assume(view, 'redshift.amazonaws.com', { 'sts:ExternalId': USER1 })).toBe('Allowed');
    expect(await assume(view, 'bedrock.amazonaws.com')).toBe('ImplicitlyDenied');
    expect(await assume(view, 'bedrock.amazonaws.com', { 'sts:ExternalId': USER1 })).toBe('ImplicitlyDenied');
  });

  test('a ChainedRole gets the same grant', async () => {
    const stack = newStack();
    const first = new RedshiftServiceRole(stack, 'First', { roleName: 'First' });
    const chained = new ChainedRole(stack, 'Chained', { assumedBy: first, roleName: 'Chained' });
    chained.allowBedrockModels({ foundationModels: [HAIKU] });
    const view = roleView(chained, synth(stack));
    expect(await roleMay(view, 'bedrock:InvokeModel', model(HAIKU))).toBe('Allowed');
    expect(await roleMay(view, 'bedrock:InvokeModel', model(SONNET))).toBe('ImplicitlyDenied');
  });

  test('cdk-nag: the Region wildcard of each profile model is acknowledged with its reason; nothing else is reported', () => {
    const { stack, role } = setup();
    role.allowBedrockModels({ foundationModels: [HAIKU], inferenceProfileArns: [US_HAIKU, APP_PROFILE], provisionedModelArns: [PROVISIONED] });
    expect(nagFindings(stack)).toEqual([]);
    const acknowledged = acknowledgements(role);
    expect(Object.keys(acknowledged).sort()).toEqual([
      'AwsSolutions-IAM5[Resource::arn:aws:bedrock:*::foundation-model/*]',
      `AwsSolutions-IAM5[Resource::arn:aws:bedrock:*::foundation-model/${HAIKU}]`,
    ]);
    expect(acknowledged[`AwsSolutions-IAM5[Resource::arn:aws:bedrock:*::foundation-model/${HAIKU}]`])
      .toMatch(/only through the inference profile .*us\.anthropic.*bedrock:InferenceProfileArn.*'\*' stands for the Regions the profile routes to/);
  });
});
