import { aws_kms as kms, aws_secretsmanager as secretsmanager } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { grantSetup as setup } from '../helpers/grants';
import { envOf, keyDecider, materialize, roleMay, roleView } from '../helpers/iam';
import { synth } from '../helpers/synth';

const SECRET = 'arn:aws:secretsmanager:us-west-2:123456789012:secret:my-rds-secret-VNenFy';
const OTHER_SECRET = 'arn:aws:secretsmanager:us-west-2:123456789012:secret:other-secret-AbCdEf';

describe('allowFederatedQuery', () => {
  test('the read actions of the docs on that secret; nothing else, nothing on *', async () => {
    // GIVEN
    const { stack, role } = setup();
    const secret = secretsmanager.Secret.fromSecretCompleteArn(stack, 'Secret', SECRET);
    // WHEN
    const grant = role.allowFederatedQuery(secret);
    // THEN
    expect(grant.success).toBe(true);
    const template = synth(stack);
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [{
          Effect: 'Allow',
          Action: ['secretsmanager:GetResourcePolicy', 'secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret', 'secretsmanager:ListSecretVersionIds'],
          Resource: SECRET,
        }],
      },
    });
    const view = roleView(role, template);
    for (const action of ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret', 'secretsmanager:GetResourcePolicy', 'secretsmanager:ListSecretVersionIds']) {
      expect(await roleMay(view, action, SECRET)).toBe('Allowed');
    }
    // denied: another secret, writes, the docs' list and password actions on '*'
    expect(await roleMay(view, 'secretsmanager:GetSecretValue', OTHER_SECRET)).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'secretsmanager:PutSecretValue', SECRET)).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'secretsmanager:DeleteSecret', SECRET)).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'secretsmanager:ListSecrets', '*')).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'secretsmanager:GetRandomPassword', '*')).toBe('ImplicitlyDenied');
  });

  test('a secret known by name: its ARN with the six random characters', async () => {
    const { stack, role } = setup();
    role.allowFederatedQuery(secretsmanager.Secret.fromSecretNameV2(stack, 'Secret', 'my-rds-secret'));
    const view = roleView(role, synth(stack));
    expect(await roleMay(view, 'secretsmanager:GetSecretValue', SECRET)).toBe('Allowed');
    expect(await roleMay(view, 'secretsmanager:GetSecretValue', 'arn:aws:secretsmanager:us-west-2:123456789012:secret:my-rds-secret-other-VNenFy')).toBe('ImplicitlyDenied');
  });

  test('a secret with a customer managed key: kms:Decrypt on that key, through Secrets Manager only', async () => {
    const { stack, role } = setup();
    const key = new kms.Key(stack, 'SecretKey');
    const secret = new secretsmanager.Secret(stack, 'Secret', { secretName: 'my-rds-secret', encryptionKey: key });
    role.allowFederatedQuery(secret);
    const template = synth(stack);
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({
          Action: 'kms:Decrypt',
          Condition: { StringEquals: { 'kms:ViaService': { 'Fn::Join': ['', ['secretsmanager.us-west-2.', { Ref: 'AWS::URLSuffix' }]] } } },
        })]),
      },
    });
    const view = roleView(role, template);
    const json = template.toJSON();
    const decider = keyDecider(stack, template, view, key);
    const keyArn = decider.arn;
    const kmsDecide = (resource: string, context: Record<string, string> = {}) => decider.decide('kms:Decrypt', resource, context);
    expect(await kmsDecide(keyArn, { 'kms:ViaService': 'secretsmanager.us-west-2.amazonaws.com' })).toBe('Allowed');
    expect(await kmsDecide(keyArn)).toBe('ImplicitlyDenied');
    expect(await kmsDecide(keyArn, { 'kms:ViaService': 's3.us-west-2.amazonaws.com' })).toBe('ImplicitlyDenied');
    expect(await kmsDecide('arn:aws:kms:us-west-2:123456789012:key/other-key', { 'kms:ViaService': 'secretsmanager.us-west-2.amazonaws.com' })).toBe('ImplicitlyDenied');
    const secretArn = materialize(json, { Ref: stack.getLogicalId(secret.node.defaultChild as secretsmanager.CfnSecret) }, envOf(stack));
    expect(await roleMay(view, 'secretsmanager:GetSecretValue', secretArn)).toBe('Allowed');
  });
});
