import { ArnFormat, Stack } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { validateAccount, validateRegion } from './validation';

/** Where a Redshift resource lives (RedshiftArnOptions, without importing the public module). */
export interface ArnLocation {
  readonly region?: string;
  readonly account?: string;
}

/** `arn:PARTITION:redshift:REGION:ACCOUNT:RESOURCE:NAME` */
export function redshiftArn(scope: Construct, resource: string, resourceName: string, options: ArnLocation): string {
  return formatIn(scope, 'redshift', resource, resourceName, ArnFormat.COLON_RESOURCE_NAME, options);
}

/** `arn:PARTITION:redshift-serverless:REGION:ACCOUNT:RESOURCE/ID` */
export function serverlessArn(scope: Construct, resource: string, resourceName: string, options: ArnLocation): string {
  return formatIn(scope, 'redshift-serverless', resource, resourceName, ArnFormat.SLASH_RESOURCE_NAME, options);
}

function formatIn(scope: Construct, service: string, resource: string, resourceName: string, arnFormat: ArnFormat, options: ArnLocation): string {
  if (options.region !== undefined) validateRegion('region', options.region);
  if (options.account !== undefined) validateAccount('account', options.account);
  return Stack.of(scope).formatArn({
    service,
    region: options.region,
    account: options.account,
    resource,
    resourceName,
    arnFormat,
  });
}
