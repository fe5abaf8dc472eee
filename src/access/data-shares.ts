import { aws_iam as iam } from 'aws-cdk-lib';
import { isAccountId, parseArn } from '../private/arns';
import { oneOrMany, scopeOf } from '../private/conditions';
import { acknowledgeGrantedWildcard } from '../private/grantee-wildcards';
import { isUnresolved, isUuid, requireOptions, validateList } from '../private/validation';

/**
 * Identity policies for the administrators of Amazon Redshift data sharing across accounts.
 *
 * Sources, for every rule below:
 * - "Managing access to data sharing API operations with IAM policies", Amazon Redshift Database
 *   Developer Guide, https://docs.aws.amazon.com/redshift/latest/dg/iam-policy.html (AuthorizeDataShare and
 *   DeauthorizeDataShare on the datashare's ARN, limited with redshift:ConsumerIdentifier)
 * - "Authorizing a datashare in Amazon Redshift", Amazon Redshift Database Developer Guide,
 *   https://docs.aws.amazon.com/redshift/latest/dg/writes-authorizing.html ("Read-only" and "Read and write" authorizations)
 * - AuthorizeDataShare and AssociateDataShareConsumer, Amazon Redshift API Reference,
 *   https://docs.aws.amazon.com/redshift/latest/APIReference/API_AuthorizeDataShare.html and
 *   https://docs.aws.amazon.com/redshift/latest/APIReference/API_AssociateDataShareConsumer.html
 *   (ConsumerIdentifier: an account ID, a namespace ARN or a keyword such as ADX; ConsumerArn: the
 *   consumer namespace's ARN; AllowWrites)
 * - "Actions, resources, and condition keys for Amazon Redshift", Service Authorization Reference,
 *   https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonredshift.html
 *   (datashare: arn:${Partition}:redshift:${Region}:${Account}:datashare:${ProducerClusterNamespace}/${DataShareName};
 *   AuthorizeDataShare: redshift:AllowWrites, redshift:ConsumerIdentifier; DeauthorizeDataShare:
 *   redshift:ConsumerIdentifier; AssociateDataShareConsumer: redshift:AllowWrites, redshift:ConsumerArn;
 *   DisassociateDataShareConsumer: redshift:ConsumerArn; the DescribeDataShares* actions: no resource type)
 */

/**
 * Which side of data sharing an administrator manages.
 */
export enum DataShareSide {
  /** The producer account: authorize and deauthorize consumers of its datashares. */
  PRODUCER = 'PRODUCER',
  /** The consumer account: associate, disassociate and reject the datashares shared with it. */
  CONSUMER = 'CONSUMER',
  /** Both sides, for an account that produces and consumes. */
  BOTH = 'BOTH',
}

/**
 * Options of `RedshiftPermissions.manageDataShares`.
 */
export interface DataShareAdminOptions {
  /**
   * The datashares, by ARN: `arn:aws:redshift:REGION:ACCOUNT:datashare:NAMESPACE_ID/NAME` (the
   * producer's account and namespace, also for a consumer administrator).
   */
  readonly dataShareArns: string[];

  /**
   * The only consumers: AWS account IDs, consumer namespace ARNs
   * (`arn:aws:redshift:REGION:ACCOUNT:namespace:NAMESPACE_ID`) or `ADX` (AWS Data Exchange).
   *
   * The producer side limits AuthorizeDataShare and DeauthorizeDataShare to them
   * (`redshift:ConsumerIdentifier`). The consumer side limits AssociateDataShareConsumer and
   * DisassociateDataShareConsumer to the namespace ARNs among them (`redshift:ConsumerArn`), so
   * that side needs at least one namespace ARN.
   *
   * @default - any consumer
   */
  readonly consumers?: string[];

  /**
   * Also allow authorizing and associating datashares for writes (`redshift:AllowWrites` true).
   *
   * @default false - read-only authorizations and associations only
   */
  readonly allowWrites?: boolean;

  /**
   * The side of data sharing the grantee manages.
   *
   * @default DataShareSide.PRODUCER
   */
  readonly side?: DataShareSide;
}

/** Datashare names: Redshift identifiers ("Names and identifiers"), up to 127 characters. */
const DATASHARE_NAME = /^[A-Za-z_][A-Za-z0-9_$]{0,126}$/;
const DATASHARE_RULE = 'datashare ARNs, arn:aws:redshift:REGION:ACCOUNT:datashare:NAMESPACE_ID/NAME, where NAMESPACE_ID is the producer '
  + "namespace's UUID and NAME the datashare's name (letters, digits, _ or $, not starting with a digit)";
const CONSUMER_RULE = 'AWS account IDs (12 digits), consumer namespace ARNs (arn:aws:redshift:REGION:ACCOUNT:namespace:NAMESPACE_ID) or ADX';
/** AWS Data Exchange, the keyword AuthorizeDataShare's ConsumerIdentifier takes. */
const ADX = 'ADX';

function checkDataShareArn(prop: string, value: string): void {
  if (isUnresolved(value)) return;
  const arn = parseArn(value);
  const [namespace, name, ...rest] = (arn?.resourceName ?? '').split('/');
  if (arn?.service !== 'redshift' || arn.resource !== 'datashare' || rest.length > 0 || !isUuid(namespace)
    || !DATASHARE_NAME.test(name ?? '') || !isAccountId(arn.account) || !arn.region) {
    throw new Error(`\`${prop}\` must be ${DATASHARE_RULE}, got: '${value}'`);
  }
}

/** A consumer namespace ARN (Redshift, or Redshift Serverless), or `undefined` for anything else. */
function isNamespaceArn(value: string): boolean {
  const arn = parseArn(value);
  if (arn === undefined || !isAccountId(arn.account) || !arn.region || arn.resource !== 'namespace') return false;
  return (arn.service === 'redshift' || arn.service === 'redshift-serverless') && isUuid(arn.resourceName ?? '');
}

function checkConsumer(prop: string, value: string): void {
  if (isUnresolved(value) || isAccountId(value) || value === ADX || isNamespaceArn(value)) return;
  throw new Error(`\`${prop}\` must be ${CONSUMER_RULE}, got: '${value}'`);
}

type Conditions = Record<string, Record<string, unknown>>;

/** `redshift:AllowWrites`: absent or false, unless writes are allowed (the key is absent when a request leaves AllowWrites out). */
const READ_ONLY: Conditions = { BoolIfExists: { 'redshift:AllowWrites': 'false' } };

/**
 * The data sharing API operations an administrator uses, on the named datashares only, limited to
 * the named consumers and to read-only authorizations and associations unless writes are asked
 * for; the DescribeDataShares actions, which have no resource type, on `*`.
 */
export function manageDataShares(grantee: iam.IGrantable, options: DataShareAdminOptions): iam.Grant {
  requireOptions('RedshiftPermissions.manageDataShares', options, ['dataShareArns']);
  validateList('dataShareArns', options.dataShareArns, { what: 'datashare ARN', each: checkDataShareArn });
  const consumers = options.consumers;
  if (consumers !== undefined) validateList('consumers', consumers, { what: 'consumer', omit: 'to allow any consumer', each: checkConsumer });
  const side = options.side ?? DataShareSide.PRODUCER;
  if (!Object.values(DataShareSide).includes(side)) {
    throw new Error(`\`side\` must be DataShareSide.PRODUCER, CONSUMER or BOTH, got: '${String(side)}'`);
  }
  const producer = side === DataShareSide.PRODUCER || side === DataShareSide.BOTH;
  const consumer = side === DataShareSide.CONSUMER || side === DataShareSide.BOTH;
  const writes: Conditions = options.allowWrites ? {} : READ_ONLY;
  const datashares = options.dataShareArns;
  const add = (actions: string[], resourceArns: string[], conditions: Conditions) => iam.Grant.addToPrincipal({
    grantee, actions, resourceArns, conditions: Object.keys(conditions).length > 0 ? conditions : undefined,
  });

  const describe = [
    'redshift:DescribeDataShares',
    ...producer ? ['redshift:DescribeDataSharesForProducer'] : [],
    ...consumer ? ['redshift:DescribeDataSharesForConsumer'] : [],
  ];
  const scope = scopeOf(grantee);
  acknowledgeGrantedWildcard(scope, '*', describe,
    `${describe.join(', ')} on '*': the Service Authorization Reference gives these actions no resource type, so IAM authorizes them on '*' only; `
    + 'they list the datashares of the account (and their consumers), and change nothing. The changes (authorize, associate, reject) '
    + 'are limited to the named datashares and consumers (cdk-redshift-iam).');
  const grants: iam.Grant[] = [add(describe, ['*'], {})];
  if (producer) {
    const identifiers: Conditions = consumers === undefined ? {} : { StringEquals: { 'redshift:ConsumerIdentifier': oneOrMany(consumers) } };
    grants.push(add(['redshift:AuthorizeDataShare'], datashares, { ...identifiers, ...writes }));
    grants.push(add(['redshift:DeauthorizeDataShare'], datashares, identifiers));
  }
  if (consumer) {
    // ConsumerArn is the consumer namespace; an account ID or ADX says nothing about it, and a
    // consumer side limited to none would be limited to nothing the user meant.
    const namespaces = (consumers ?? []).filter((c) => isUnresolved(c) || isNamespaceArn(c));
    if (consumers !== undefined && namespaces.length === 0) {
      throw new Error(`\`consumers\` must list at least one consumer namespace ARN for the consumer side (\`side\`: ${side}): `
        + 'AssociateDataShareConsumer and DisassociateDataShareConsumer are limited by redshift:ConsumerArn, the namespace that '
        + `receives the datashare, which account IDs and ADX do not name, got: ${consumers.map((c) => `'${c}'`).join(', ')}`);
    }
    const arns: Conditions = consumers === undefined ? {} : { ArnEquals: { 'redshift:ConsumerArn': oneOrMany(namespaces) } };
    grants.push(add(['redshift:AssociateDataShareConsumer'], datashares, { ...arns, ...writes }));
    grants.push(add(['redshift:DisassociateDataShareConsumer'], datashares, arns));
    grants.push(add(['redshift:RejectDataShare'], datashares, {}));
  }
  return grants.reduce((all, g) => all.combine(g));
}
