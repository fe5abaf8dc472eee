import { Token } from 'aws-cdk-lib';
import { firstRepeat } from './duplicates';

/**
 * Synth-time validation shared by every construct. Each check names the prop, the rule and the
 * value, and lets unresolved Tokens through (they are checked where they resolve, or not at all).
 */

/**
 * `xx-xxxx-N`, optionally with a partition qualifier: us-west-2, us-gov-west-1, cn-north-1,
 * us-isob-east-1, and the longer prefixes of newer partitions (eusc-de-east-1).
 */
const REGION = /^[a-z]{2,4}(-[a-z]+)?-[a-z]+-\d{1,2}$/;
/** STS ExternalId: 2–1,224 characters of `[\w+=,.@:/-]`. */
const EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;
/** Redshift cluster identifier: lowercase letters, digits, hyphens, starting with a letter. */
const CLUSTER_ID = /^[a-z][a-z0-9-]{0,62}$/;
/** Database user name as GetClusterCredentials accepts it. */
const DB_USER = /^[a-zA-Z][a-zA-Z0-9_+.@-]{0,63}$/;
/** Redshift Serverless workgroup and namespace names. */
const SERVERLESS_NAME = /^[a-z0-9-]{3,64}$/;
/** 12-digit AWS account id. */
const ACCOUNT = /^\d{12}$/;
/** EMR cluster (job flow) id. */
const EMR_CLUSTER_ID = /^j-[A-Z0-9]{1,255}$/;
/** Redshift database name (as ARNs and `redshift:DbName` name it). */
const DATABASE = /^[a-z_][a-z0-9_$-]{0,126}$/i;
/** Glue database name as Spectrum uses it. */
const GLUE_DATABASE = /^[a-z0-9_-]{1,255}$/;
/** Apache Kafka topic name. */
const KAFKA_TOPIC = /^[a-zA-Z0-9._-]{1,249}$/;
/** SageMaker endpoint name (CreateEndpoint EndpointName). */
const SAGEMAKER_ENDPOINT = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/;

export function isUnresolved(value: unknown): boolean {
  return typeof value === 'string' ? Token.isUnresolved(value) : false;
}

export function validateRegion(prop: string, value: string): void {
  if (isUnresolved(value)) return;
  if (!REGION.test(value)) {
    throw new Error(`\`${prop}\` must be AWS Region codes such as us-west-2, us-gov-west-1 or cn-north-1, got: '${value}'`);
  }
}

export function validateAccount(prop: string, value: string): void {
  if (isUnresolved(value)) return;
  if (!ACCOUNT.test(value)) {
    throw new Error(`\`${prop}\` must be a 12-digit AWS account ID, got: '${value}'`);
  }
}

export function validateExternalId(prop: string, value: string): void {
  if (isUnresolved(value)) return;
  if (value.length < 2 || value.length > 1224) {
    throw new Error(`\`${prop}\` values must be 2 to 1,224 characters long (STS ExternalId), got ${value.length} characters: '${truncate(value)}'`);
  }
  if (!EXTERNAL_ID.test(value)) {
    throw new Error(`\`${prop}\` values may contain only letters, digits and _+=,.@:/- (STS ExternalId), got: '${truncate(value)}'`);
  }
}

export function validateClusterIdentifier(prop: string, value: string): void {
  if (isUnresolved(value)) return;
  const rule = 'must be 1 to 63 lowercase letters, digits or hyphens, start with a letter, and contain no two consecutive hyphens and no trailing hyphen';
  if (!CLUSTER_ID.test(value) || value.includes('--') || value.endsWith('-')) {
    throw new Error(`\`${prop}\` ${rule} (Redshift cluster identifier), got: '${value}'`);
  }
}

export function validateServerlessName(prop: string, value: string): void {
  if (isUnresolved(value)) return;
  if (!SERVERLESS_NAME.test(value)) {
    throw new Error(`\`${prop}\` must be 3 to 64 lowercase letters, digits or hyphens (Redshift Serverless name), got: '${value}'`);
  }
}

export function validateDbUserName(prop: string, value: string): void {
  if (isUnresolved(value)) return;
  if (!DB_USER.test(value)) {
    throw new Error(`\`${prop}\` must be 1 to 64 characters, start with a letter, and contain only letters, digits and _+.@- (Redshift database user name), got: '${value}'`);
  }
  if (value.toLowerCase() === 'public') {
    throw new Error(`\`${prop}\` must name a database user: PUBLIC is Redshift's group of every user, never a user that signs in, got: '${value}'`);
  }
}

export function validateDatabaseName(prop: string, value: string): void {
  if (isUnresolved(value)) return;
  if (!DATABASE.test(value)) {
    throw new Error(`\`${prop}\` must be a Redshift database name of 1 to 127 letters, digits, _, $ or -, not starting with a digit, got: '${value}'`);
  }
}

export function validateEmrClusterId(prop: string, value: string): void {
  if (isUnresolved(value)) return;
  if (!EMR_CLUSTER_ID.test(value)) {
    throw new Error(`\`${prop}\` must be an Amazon EMR cluster ID such as j-2AXXXXXXGAPLF, got: '${value}'`);
  }
}

export function validateGlueDatabase(prop: string, value: string): void {
  if (isUnresolved(value)) return;
  if (!GLUE_DATABASE.test(value)) {
    throw new Error(`\`${prop}\` must be AWS Glue database names of 1 to 255 lowercase letters, digits, underscores or hyphens, got: '${value}'`);
  }
}

export function validateKafkaTopic(prop: string, value: string): void {
  if (isUnresolved(value)) return;
  if (!KAFKA_TOPIC.test(value)) {
    throw new Error(`\`${prop}\` must be Apache Kafka topic names of 1 to 249 letters, digits, dots, underscores or hyphens (no wildcards: leave \`topics\` out for every topic), got: '${value}'`);
  }
}

export function validateSageMakerEndpointName(prop: string, value: string): void {
  if (isUnresolved(value)) return;
  if (!SAGEMAKER_ENDPOINT.test(value)) {
    throw new Error(`\`${prop}\` must be a SageMaker endpoint name of 1 to 63 letters, digits or hyphens, starting and ending with a letter or digit, got: '${value}'`);
  }
}

/**
 * An S3 key prefix that a policy can scope to: not empty, no leading `/` (S3 keys do not start
 * with one, so the grant would match nothing), and no IAM wildcard or policy variable (the grant
 * would silently reach further than the prefix).
 */
export function validateKeyPrefix(prop: string, value: string | undefined): void {
  if (value === undefined || isUnresolved(value)) return;
  if (value.length === 0) {
    throw new Error(`\`${prop}\` must not be empty: leave it out to grant the whole bucket`);
  }
  if (value.startsWith('/')) {
    // Suggest only a value that is accepted: without its leading slashes the prefix may be empty
    // ('/', '//'), or still hold what the checks below reject.
    const stripped = value.replace(/^\/+/, '');
    const fix = stripped === '' ? 'leave it out to grant the whole bucket'
      : /[*?]|\$\{/.test(stripped) ? 'remove the leading slashes' : `use '${stripped}'`;
    throw new Error(`\`${prop}\` must not start with '/': S3 keys have no leading slash, so the grant would match nothing (${fix}), got: '${value}'`);
  }
  if (/[*?]/.test(value)) {
    throw new Error(`\`${prop}\` must not contain the IAM wildcards '*' or '?': the prefix is matched literally and the grant adds the trailing '*' itself, got: '${value}'`);
  }
  if (value.includes('${')) {
    throw new Error(`\`${prop}\` must not contain an IAM policy variable ('\${...}'), got: '${value}'`);
  }
  const bytes = Buffer.byteLength(value, 'utf8');
  if (bytes > 1024) {
    throw new Error(`\`${prop}\` must be at most 1,024 bytes in UTF-8 (the S3 key length limit), got ${bytes}`);
  }
}

/**
 * The required options of a public method or construct, present: TypeScript checks them, but a
 * caller in JavaScript (or a Python, Java or Go caller that passes null) would otherwise meet a
 * TypeError deep inside. Returns the options.
 */
export function requireOptions<T extends object>(where: string, options: T | undefined, names: Array<keyof T & string>): T {
  const given = (options ?? {}) as Record<string, unknown>;
  const missing = names.filter((name) => given[name] === undefined || given[name] === null);
  if (missing.length > 0) {
    throw new Error(`${where} requires ${missing.map((n) => `\`${n}\``).join(' and ')}, got ${options === undefined || options === null ? 'no options' : `options without ${missing.length > 1 ? 'them' : 'it'}`}`);
  }
  return options!;
}

/** How `validateList` checks one list prop. */
export interface ListRule<T> {
  /** What the list holds, for the message of an empty list: 'AWS Glue database'. */
  readonly what: string;
  /** For an optional list: what leaving it out means ('to allow every topic of the cluster'). */
  readonly omit?: string;
  /** What to do instead of an empty list, when it is not leaving the list out. */
  readonly instead?: string;
  /** Checks one item (Tokens are the item check's to let through). */
  readonly each?: (prop: string, value: T) => void;
  /** The identity of an item for repeats; `undefined` (a Token) is never a repeat. Default: the literal string. */
  readonly key?: (value: T) => unknown;
  /** How the message names a repeated item. Default: the item as a string. */
  readonly describe?: (value: T) => string;
}

/**
 * One rule for every list a user writes: not empty (an empty list is a mistake, never a way to say
 * "all": the message says what leaving it out means), each item valid, no item twice.
 */
export function validateList<T>(prop: string, values: readonly T[], rule: ListRule<T>): void {
  if (values.length === 0) {
    const hint = rule.instead ?? (rule.omit ? `leave it out ${rule.omit}` : undefined);
    throw new Error(`\`${prop}\` must list at least one ${rule.what}${hint ? `: ${hint}` : ''}`);
  }
  if (rule.each) values.forEach((value) => rule.each!(prop, value));
  const keyOf = rule.key ?? ((value: T) => (typeof value === 'string' && !isUnresolved(value) ? value : undefined));
  const repeat = firstRepeat(values, keyOf);
  if (repeat !== undefined) {
    throw new Error(`\`${prop}\` lists '${rule.describe ? rule.describe(repeat) : String(repeat)}' more than once`);
  }
}

/** Throws when a list holds the same literal value twice, naming the prop and the value. */
export function rejectDuplicates(prop: string, values: string[]): void {
  const repeat = firstRepeat(values, (value) => (isUnresolved(value) ? undefined : value));
  if (repeat !== undefined) {
    throw new Error(`\`${prop}\` lists '${repeat}' more than once`);
  }
}

function truncate(value: string): string {
  return value.length > 80 ? `${value.slice(0, 77)}...` : value;
}

/** A lower-case UUID, the form of Redshift Serverless workgroup and namespace IDs (no anchors). */
export const UUID_PATTERN = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const UUID_ONLY = new RegExp(`^${UUID_PATTERN}$`);

/** Whether `value` is a lower-case UUID. */
export function isUuid(value: string): boolean {
  return UUID_ONLY.test(value);
}

// ---- Redshift resource names as ARNs and RedshiftArn take them (`*`: every one) ----

/** Redshift identifiers of the letters-digits-hyphens family, or `*`. */
export const IDENTIFIER = /^[a-zA-Z][a-zA-Z0-9-]{0,254}$|^\*$/;
export const IDENTIFIER_RULE = 'a Redshift identifier: letters, digits and hyphens, starting with a letter';
/** Parameter group names: the default groups hold dots (default.redshift-1.0). */
export const PARAMETER_GROUP = /^[a-zA-Z][a-zA-Z0-9.-]{0,254}$|^\*$/;
export const PARAMETER_GROUP_RULE = 'a parameter group name: letters, digits, hyphens and dots, starting with a letter';
/** Snapshot identifiers: manual ones, and automated ones, which Redshift names rs:CLUSTER-DATE. */
export const SNAPSHOT = /^(rs:)?[a-zA-Z][a-zA-Z0-9-]{0,254}$|^\*$/;
export const SNAPSHOT_RULE = 'a snapshot identifier: letters, digits and hyphens, starting with a letter (automated snapshots: rs:...)';
/** Database names as `redshift:DbName` and dbname ARNs take them. */
export const DATABASE_NAME = new RegExp(`${DATABASE.source}|^\\*$`, 'i');
export const DATABASE_NAME_RULE = 'a database name of up to 127 letters, digits, _ or $, not starting with a digit';
/** Database group names as dbgroup ARNs take them. */
export const GROUP_NAME = /^[a-z_][a-z0-9_$.+@-]{0,126}$|^\*$/i;
export const GROUP_NAME_RULE = 'a database group name of up to 127 characters, not starting with a digit';
/** The IDs Redshift Serverless assigns, or `*`. */
export const UUID = new RegExp(`^${UUID_PATTERN}$|^\\*$`);
export const UUID_RULE = 'the UUID Redshift Serverless assigns (not the name)';

/** A cluster identifier, or `*` for every cluster. */
export function clusterOrWildcard(prop: string, value: string): void {
  if (value === '*') return;
  validateClusterIdentifier(prop, value);
}

/** Checks a resource name against its rule (`*` allowed where the rule allows it); Tokens pass. */
export function checkName(prop: string, value: string, rule: RegExp, what: string): void {
  if (isUnresolved(value)) return;
  if (!rule.test(value)) {
    throw new Error(`\`${prop}\` must be ${what}, or '*' for all, got: '${value}'`);
  }
}
