import { aws_iam as iam, ArnFormat, Stack, Token } from 'aws-cdk-lib';
import { GrantTarget } from './grant-target';
import { isUnresolved, validateAccount, validateList, validateRegion } from '../private/validation';

/**
 * Redshift ML with Amazon Bedrock: CREATE EXTERNAL MODEL ... MODEL_TYPE BEDROCK.
 *
 * Sources, for every rule below:
 * - "Amazon Redshift ML integration with Amazon Bedrock", Amazon Redshift Database Developer Guide,
 *   https://docs.aws.amazon.com/redshift/latest/dg/machine-learning-br.html
 * - "CREATE EXTERNAL MODEL", Amazon Redshift Database Developer Guide,
 *   https://docs.aws.amazon.com/redshift/latest/dg/r_create_external_model.html
 * - "Converse", Amazon Bedrock API Reference,
 *   https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Converse.html
 * - "Prerequisites for inference profiles", Amazon Bedrock User Guide,
 *   https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-prereq.html
 * - "Geographic cross-Region inference", Amazon Bedrock User Guide,
 *   https://docs.aws.amazon.com/bedrock/latest/userguide/geographic-cross-region-inference.html
 * - "Service roles", Amazon Bedrock User Guide,
 *   https://docs.aws.amazon.com/bedrock/latest/userguide/security-iam-sr.html
 * - "Actions, resources, and condition keys for Amazon Bedrock", Service Authorization Reference,
 *   https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonbedrock.html
 *
 * The trust: the Redshift page's trust policy names redshift.amazonaws.com only, and CREATE
 * EXTERNAL MODEL's summary ("allow Amazon Redshift and Amazon Bedrock to assume the role") points
 * to that setup for the details. Redshift calls the Bedrock runtime (InvokeModel, Converse) with
 * the role's credentials; Bedrock assumes a service role only for the features its "Service roles"
 * page lists (batch inference, model customization and import, agents, knowledge bases, flows,
 * evaluation), none of which CREATE EXTERNAL MODEL uses. So this grant adds nothing to the trust:
 * a bedrock.amazonaws.com statement would let Bedrock assume the role for no documented purpose.
 */

/**
 * The Amazon Bedrock models that CREATE EXTERNAL MODEL ... MODEL_TYPE BEDROCK may invoke with a role.
 */
export interface BedrockModelsOptions {
  /**
   * Foundation models by model ID (the MODEL_ID of CREATE EXTERNAL MODEL), such as
   * `anthropic.claude-3-haiku-20240307-v1:0`, invoked in the role's stack Region.
   *
   * @default - no foundation model by its ID (give at least one of the three lists)
   */
  readonly foundationModels?: string[];

  /**
   * Inference profiles by ARN: cross-Region (system-defined) profiles such as
   * `arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-5-haiku-20241022-v1:0`,
   * and application inference profiles (`...:application-inference-profile/PROFILE_ID`).
   *
   * Each grants the profile, and the foundation model it routes to in every Region, only through
   * this profile (the `bedrock:InferenceProfileArn` condition).
   *
   * @default - no inference profile (give at least one of the three lists)
   */
  readonly inferenceProfileArns?: string[];

  /**
   * Provisioned Throughput by the ARN of its provisioned model,
   * `arn:aws:bedrock:REGION:ACCOUNT:provisioned-model/MODEL_ID`.
   *
   * @default - no provisioned model (give at least one of the three lists)
   */
  readonly provisionedModelArns?: string[];
}

/**
 * A Bedrock model ID: provider, '.', model name, then a version and a context window such as ':0'
 * or ':0:28k' (the `modelId` pattern of the Bedrock API: `[a-z0-9-]{1,63}[.][a-z0-9-]{1,63}([.:]?[a-z0-9-]{1,63}){0,2}`).
 */
const MODEL_ID = /^[a-z0-9-]{1,63}\.[a-z0-9-]{1,63}([.:][a-z0-9-]{1,63}){0,2}$/;
const MODEL_ID_RULE = 'Amazon Bedrock model IDs such as anthropic.claude-3-haiku-20240307-v1:0 (provider.model, lowercase, no wildcards)';
/** The geography prefixes of cross-Region inference profile IDs ("Supported Regions and models for inference profiles"). */
const GEOGRAPHIES = ['us', 'eu', 'apac', 'us-gov', 'jp', 'au', 'ca', 'global'];
/** `<geography>.<model ID>`: the ID of a system-defined (cross-Region) inference profile. */
const SYSTEM_PROFILE_ID = /^([a-z]{2,}(?:-[a-z]+)?)\.(.+)$/;
/** Application inference profile and provisioned model IDs: 12 lowercase letters and digits. */
const RESOURCE_ID = /^[a-z0-9]{12}$/;
const BEDROCK_ARN = /^arn:(aws[a-z-]*):bedrock:([^:]*):([^:]*):([a-z-]+)\/(.*)$/;

interface BedrockArn {
  readonly partition: string;
  readonly region: string;
  readonly account: string;
  readonly resource: string;
  readonly id: string;
}

function checkModelId(prop: string, value: string): void {
  if (isUnresolved(value)) return;
  if (value.startsWith('arn:')) {
    throw new Error(`\`${prop}\` must be ${MODEL_ID_RULE}: give the model ID, not its ARN, got: '${value}'`);
  }
  const [first] = value.split('.');
  if (GEOGRAPHIES.includes(first) && value.split('.').length > 2) {
    throw new Error(`\`${prop}\` must be ${MODEL_ID_RULE}; '${value}' is the ID of a cross-Region inference profile: `
      + `give its ARN in \`inferenceProfileArns\` (arn:aws:bedrock:REGION:ACCOUNT:inference-profile/${value}), got: '${value}'`);
  }
  if (!MODEL_ID.test(value)) {
    throw new Error(`\`${prop}\` must be ${MODEL_ID_RULE}, got: '${value}'`);
  }
}

/** The parts of a literal Bedrock ARN, checked; `undefined` for a Token. */
function bedrockArn(prop: string, value: string, resources: string[], shape: string): BedrockArn | undefined {
  if (isUnresolved(value)) return undefined;
  const match = BEDROCK_ARN.exec(value);
  if (!match || !resources.includes(match[4])) {
    throw new Error(`\`${prop}\` must be ARNs of ${shape}, got: '${value}'`);
  }
  const [, partition, region, account, resource, id] = match;
  validateRegion(`${prop} region`, region);
  validateAccount(`${prop} account`, account);
  return { partition, region, account, resource, id };
}

function checkProfileArn(prop: string, value: string): BedrockArn | undefined {
  const shape = 'Amazon Bedrock inference profiles, arn:aws:bedrock:REGION:ACCOUNT:inference-profile/PROFILE_ID '
    + 'or arn:aws:bedrock:REGION:ACCOUNT:application-inference-profile/PROFILE_ID';
  const arn = bedrockArn(prop, value, ['inference-profile', 'application-inference-profile'], shape);
  if (arn === undefined) return undefined;
  if (arn.resource === 'application-inference-profile' && !RESOURCE_ID.test(arn.id)) {
    throw new Error(`\`${prop}\` application inference profile IDs must be 12 lowercase letters and digits, got: '${arn.id}' in '${value}'`);
  }
  if (arn.resource === 'inference-profile') {
    const system = SYSTEM_PROFILE_ID.exec(arn.id);
    if (!system || !MODEL_ID.test(system[2])) {
      throw new Error(`\`${prop}\` cross-Region inference profile IDs must be a geography and a model ID, such as `
        + `us.anthropic.claude-3-5-haiku-20241022-v1:0, got: '${arn.id}' in '${value}'`);
    }
  }
  return arn;
}

/**
 * CREATE EXTERNAL MODEL ... MODEL_TYPE BEDROCK: `bedrock:InvokeModel` on exactly the named
 * foundation models, inference profiles (with their foundation models, through them only) and
 * provisioned models.
 */
export function allowBedrockModels(target: GrantTarget, options: BedrockModelsOptions): iam.Grant {
  const given = (options ?? {}) as BedrockModelsOptions;
  const { foundationModels, inferenceProfileArns, provisionedModelArns } = given;
  if (foundationModels === undefined && inferenceProfileArns === undefined && provisionedModelArns === undefined) {
    throw new Error('allowBedrockModels requires at least one of `foundationModels`, `inferenceProfileArns` and `provisionedModelArns`, '
      + `got ${options === undefined || options === null ? 'no options' : 'options without them'}`);
  }
  const omit = 'when the role invokes none';
  if (foundationModels !== undefined) validateList('foundationModels', foundationModels, { what: 'model ID', omit, each: checkModelId });
  if (inferenceProfileArns !== undefined) validateList('inferenceProfileArns', inferenceProfileArns, { what: 'inference profile ARN', omit, each: checkProfileArn });
  if (provisionedModelArns !== undefined) {
    validateList('provisionedModelArns', provisionedModelArns, {
      what: 'provisioned model ARN',
      omit,
      each: (prop, value) => {
        const arn = bedrockArn(prop, value, ['provisioned-model'],
          'Amazon Bedrock provisioned models, arn:aws:bedrock:REGION:ACCOUNT:provisioned-model/MODEL_ID');
        if (arn !== undefined && !RESOURCE_ID.test(arn.id)) {
          throw new Error(`\`${prop}\` provisioned model IDs must be 12 lowercase letters and digits, got: '${arn.id}' in '${value}'`);
        }
      },
    });
  }

  const stack = Stack.of(target.role);
  // Service Authorization Reference: foundation-model is arn:${Partition}:bedrock:${Region}::foundation-model/${ResourceId},
  // with no account. "Converse" (API Reference): "This operation requires permission for the
  // bedrock:InvokeModel action", so REQUEST_TYPE UNIFIED (Converse) and RAW (InvokeModel) need
  // the same one action; Redshift does not stream, so InvokeModelWithResponseStream is left out.
  const models = (foundationModels ?? []).map((id) => stack.formatArn({
    service: 'bedrock',
    account: '',
    resource: 'foundation-model',
    resourceName: id,
    arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
  }));
  let grant = target.grant({
    actions: ['bedrock:InvokeModel'],
    resourceArns: [...models, ...(inferenceProfileArns ?? []), ...(provisionedModelArns ?? [])],
  });

  // "Prerequisites for inference profiles": "When you specify an inference profile in the
  // Resource field ..., you must also specify the foundation model in each Region associated with
  // it", and the condition key bedrock:InferenceProfileArn (a condition key of InvokeModel in the
  // Service Authorization Reference) "can be included in a statement that scopes to the
  // foundation-model resources" to allow a model only through the profile. "Geographic
  // cross-Region inference" lists what a profile needs: the profile, the foundation model in the
  // source Region and in every destination Region of the profile. The destination Regions change
  // as AWS adds them (and a global profile routes to every commercial Region), so the Region is
  // '*' and the condition, not the ARN, limits the grant to requests routed through this profile.
  for (const profile of inferenceProfileArns ?? []) {
    const arn = checkProfileArn('inferenceProfileArns', profile);
    const partition = arn?.partition ?? stack.partition;
    // A system-defined profile names its model (us.MODEL_ID); an application profile (or a Token)
    // routes to the model its creator chose, which only the condition can name.
    const system = arn?.resource === 'inference-profile' ? SYSTEM_PROFILE_ID.exec(arn.id) : null;
    const model = system ? system[2] : '*';
    const resource = `arn:${partition}:bedrock:*::foundation-model/${model}`;
    const shown = Token.isUnresolved(profile) ? 'the inference profile given as a Token' : `'${profile}'`;
    target.scopedWildcard(resource, `cdk-redshift-iam: CREATE EXTERNAL MODEL invokes ${model === '*' ? 'the foundation model' : `'${model}'`} `
      + `only through the inference profile ${shown} (the bedrock:InferenceProfileArn condition); '*' stands for the Regions the profile routes to`
      + `${model === '*' ? ' and the model its creator chose' : ''}, as "Prerequisites for inference profiles" (Amazon Bedrock User Guide) requires`);
    grant = grant.combine(target.grant({
      actions: ['bedrock:InvokeModel'],
      resourceArns: [resource],
      conditions: { ArnEquals: { 'bedrock:InferenceProfileArn': profile } },
    }));
  }
  return grant;
}
