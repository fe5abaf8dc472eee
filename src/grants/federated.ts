import { aws_iam as iam, aws_secretsmanager as secretsmanager, Stack } from 'aws-cdk-lib';
import { GrantTarget } from './grant-target';
import { grantKey } from '../private/key-grant';

/**
 * Federated query: CREATE EXTERNAL SCHEMA ... FROM POSTGRES | MYSQL ... SECRET_ARN.
 */

// "Creating a secret and an IAM role to use federated queries", Amazon Redshift Database Developer
// Guide, statement "AccessSecret",
// https://docs.aws.amazon.com/redshift/latest/dg/federated-create-secret-iam-role.html
// The page's second statement (secretsmanager:GetRandomPassword and ListSecrets on '*') is left
// out: Redshift reads the secret by the ARN of SECRET_ARN, and neither action reads a secret.
const SECRET_READ_ACTIONS = [
  'secretsmanager:GetResourcePolicy',
  'secretsmanager:GetSecretValue',
  'secretsmanager:DescribeSecret',
  'secretsmanager:ListSecretVersionIds',
];

/**
 * CREATE EXTERNAL SCHEMA ... FROM POSTGRES | MYSQL: read that secret, and decrypt it with its
 * customer managed key through Secrets Manager only.
 */
export function allowFederatedQuery(target: GrantTarget, secret: secretsmanager.ISecret): iam.Grant {
  // A secret known by its name or partial ARN has a full ARN ending in six random characters.
  const secretArn = secret.secretFullArn ?? `${secret.secretArn}-??????`;
  let grant = target.grant({
    actions: SECRET_READ_ACTIONS,
    resourceArns: [secretArn],
  });
  // Same page: with a customer managed key, the role must be a user of the key. Secrets Manager
  // decrypts on the role's behalf, so the grant holds only through it (kms:ViaService).
  if (secret.encryptionKey) {
    grant = grant.combine(grantKey(target.role, secret.encryptionKey, ['kms:Decrypt'], '`allowFederatedQuery`: the encryption key of the secret', {
      wildcards: target,
      conditions: { StringEquals: { 'kms:ViaService': `secretsmanager.${secret.env.region}.${Stack.of(target.role).urlSuffix}` } },
    }));
  }
  return grant;
}
