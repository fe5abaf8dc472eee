"use strict";
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// src/association-handler/on-event.lambda.ts
var on_event_lambda_exports = {};
__export(on_event_lambda_exports, {
  handler: () => handler
});
module.exports = __toCommonJS(on_event_lambda_exports);

// src/association-handler/handler.ts
var import_client_cloudformation = require("@aws-sdk/client-cloudformation");
var import_client_redshift = require("@aws-sdk/client-redshift");
var import_client_redshift_serverless = require("@aws-sdk/client-redshift-serverless");
var DEFAULT_WAIT_SECONDS = 20 * 60;
var RETRY_BUDGET_MS = 11 * 60 * 1e3;
var SERVICE_LINKED = /:role\/aws-service-role\//;
var BUSY_ERRORS = /* @__PURE__ */ new Set(["InvalidClusterStateFault", "InvalidClusterState", "ConflictException"]);
var THROTTLING_ERRORS = /* @__PURE__ */ new Set(["ThrottlingException", "Throttling", "TooManyRequestsException", "RequestLimitExceeded", "ServiceUnavailable"]);
var sleepImpl = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
var nowImpl = () => Date.now();
var randomImpl = () => Math.random();
function encodePhysicalId(target, name, roleArns, owned, setDefault) {
  const bits = sortedUnique(roleArns).map((arn) => owned.has(arn) ? "1" : "0").reverse().join("");
  const mask = BigInt(`0b${bits || "0"}`);
  return `${target}|${name}|${mask.toString(36)}|${setDefault ? "d" : "-"}`;
}
function decodePhysicalId(physicalId, roleArns) {
  const parts = (physicalId ?? "").split("|");
  if (parts.length !== 4) return void 0;
  const [target, name, maskText, flag] = parts;
  let mask = BigInt(0);
  for (const ch of maskText) mask = mask * BigInt(36) + BigInt(parseInt(ch, 36));
  const bits = mask.toString(2).split("").reverse();
  const owned = /* @__PURE__ */ new Set();
  sortedUnique(roleArns).forEach((arn, i) => {
    if (bits[i] === "1") owned.add(arn);
  });
  return { target, name, owned, setDefault: flag === "d" };
}
function sortedUnique(arns) {
  return [...new Set(arns)].sort();
}
async function onEvent(event, backendFor = defaultBackend) {
  const props = normalize(event.ResourceProperties);
  log({ message: "onEvent", requestType: event.RequestType, target: props.Target, name: props.Name, roles: props.RoleArns.length });
  switch (event.RequestType) {
    case "Create":
      return create(props, backendFor(props));
    case "Update": {
      const old = normalize(event.OldResourceProperties ?? event.ResourceProperties);
      const previous = decodePhysicalId(event.PhysicalResourceId, old.RoleArns);
      if (!previous || previous.target !== props.Target || previous.name !== props.Name) {
        return create(props, backendFor(props));
      }
      return update(props, old, previous, backendFor(props));
    }
    case "Delete":
      return removeAssociation(event, props, backendFor(props));
    default:
      throw new Error(`Unknown request type ${event.RequestType}`);
  }
}
async function create(props, backend) {
  const label = targetLabel(props);
  const first = await backend.describe();
  if (!first.exists) throw new Error(`${label} does not exist: create it first, or check the identifier and Region`);
  const desired = desiredRoles(props);
  const done = await modifyAccepted(backend, label, first, (state) => {
    const attached = new Set(attachedArns(state));
    return {
      add: desired.filter((arn) => !attached.has(arn)),
      remove: [],
      defaultRoleArn: props.DefaultRoleArn !== void 0 && state.defaultRoleArn !== props.DefaultRoleArn ? props.DefaultRoleArn : void 0
    };
  });
  return {
    PhysicalResourceId: encodePhysicalId(props.Target, props.Name, props.RoleArns, new Set(done.add), done.defaultRoleArn !== void 0),
    Data: { StartedAt: String(nowImpl()), Remove: "" }
  };
}
async function update(props, old, previous, backend) {
  const label = targetLabel(props);
  const first = await backend.describe();
  if (!first.exists) throw new Error(`${label} does not exist`);
  const desired = desiredRoles(props);
  const done = await modifyAccepted(backend, label, first, (state) => {
    const attached = new Set(attachedArns(state));
    return {
      add: desired.filter((arn) => !attached.has(arn)),
      // only roles this association added, that are no longer wanted and still attached
      remove: [...previous.owned].filter((arn) => !desired.includes(arn) && attached.has(arn) && state.roles.find((r) => r.arn === arn)?.status !== "removing"),
      defaultRoleArn: props.DefaultRoleArn !== void 0 && state.defaultRoleArn !== props.DefaultRoleArn ? props.DefaultRoleArn : void 0
    };
  });
  const owned = /* @__PURE__ */ new Set([...desired.filter((arn) => previous.owned.has(arn)), ...done.add]);
  const setDefault = props.DefaultRoleArn !== void 0 && (done.defaultRoleArn !== void 0 || previous.setDefault && old.DefaultRoleArn === props.DefaultRoleArn);
  return {
    PhysicalResourceId: encodePhysicalId(props.Target, props.Name, props.RoleArns, owned, setDefault),
    Data: { StartedAt: String(nowImpl()), Remove: done.remove.join(",") }
  };
}
async function removeAssociation(event, props, backend) {
  const physicalId = event.PhysicalResourceId;
  const generation = decodePhysicalId(physicalId, props.RoleArns);
  if (!generation) {
    return { PhysicalResourceId: physicalId, Data: { Skip: "true" } };
  }
  if (await isSupersededGeneration(event, generation)) {
    log({ message: "superseded generation, nothing to remove", physicalId });
    return { PhysicalResourceId: physicalId, Data: { Skip: "true" } };
  }
  const first = await backend.describe();
  if (!first.exists) {
    log({ message: `${targetLabel(props)} no longer exists: nothing to remove` });
    return { PhysicalResourceId: physicalId, Data: { Skip: "true" } };
  }
  await modifyAccepted(backend, targetLabel(props), first, (state) => ({
    add: [],
    remove: state.roles.filter((r) => generation.owned.has(r.arn) && r.status !== "removing").map((r) => r.arn)
  }));
  return { PhysicalResourceId: physicalId, Data: { StartedAt: String(nowImpl()) } };
}
async function isSupersededGeneration(event, generation) {
  try {
    const cfn = new import_client_cloudformation.CloudFormationClient({});
    const current = await cfn.send(new import_client_cloudformation.DescribeStackResourceCommand({ StackName: event.StackId, LogicalResourceId: event.LogicalResourceId }));
    const currentId = current.StackResourceDetail?.PhysicalResourceId;
    if (!currentId || currentId === event.PhysicalResourceId) return false;
    const parts = currentId.split("|");
    return parts[0] === generation.target && parts[1] === generation.name;
  } catch (e) {
    log({ message: "DescribeStackResource failed; treating the delete as real", error: String(e) });
    return false;
  }
}
function normalize(props) {
  return {
    Target: props.Target ?? "cluster",
    Name: props.Name,
    RoleArns: [...props.RoleArns ?? []],
    DefaultRoleArn: props.DefaultRoleArn === "" ? void 0 : props.DefaultRoleArn,
    WaitTimeoutSeconds: props.WaitTimeoutSeconds
  };
}
function desiredRoles(props) {
  return sortedUnique(props.RoleArns).filter((arn) => !SERVICE_LINKED.test(arn));
}
function attachedArns(state) {
  return state.roles.map((r) => r.arn).filter((arn) => !SERVICE_LINKED.test(arn));
}
function targetLabel(props) {
  return props.Target === "namespace" ? `Redshift Serverless namespace '${props.Name}'` : `Redshift cluster '${props.Name}'`;
}
async function modifyAccepted(backend, label, first, plan) {
  const started = nowImpl();
  let state = first;
  for (let attempt = 1; ; attempt++) {
    const change = plan(state);
    if (change.add.length === 0 && change.remove.length === 0 && change.defaultRoleArn === void 0) return change;
    try {
      await backend.modify(change.add, change.remove, change.defaultRoleArn);
      log({ message: "modified", label, ...change });
      return change;
    } catch (e) {
      const name = errorName(e);
      if (!isRetryable(e)) throw changeFailed(label, change, e);
      if (nowImpl() - started >= RETRY_BUDGET_MS || attempt >= 200) {
        throw new Error(`${label} stayed busy with another modification for ${Math.round((nowImpl() - started) / 1e3)} seconds, so its IAM roles could not be changed (${describeChange(change)}): ${name}: ${e?.message ?? e}. Deploy again when it is available.`);
      }
      await sleepImpl(backoff(attempt));
      state = await backend.describe();
      if (!state.exists) throw new Error(`${label} no longer exists`);
    }
  }
}
function errorName(e) {
  return e?.name ?? e?.Code ?? "Error";
}
function isRetryable(e) {
  const name = errorName(e);
  return BUSY_ERRORS.has(name) || THROTTLING_ERRORS.has(name) || e?.$retryable?.throttling === true;
}
function describeChange(change) {
  return [
    change.add.length > 0 ? `adding ${change.add.join(", ")}` : "",
    change.remove.length > 0 ? `removing ${change.remove.join(", ")}` : "",
    change.defaultRoleArn ? `setting the default role ${change.defaultRoleArn}` : ""
  ].filter((x) => x !== "").join("; ");
}
function changeFailed(label, change, e) {
  return new Error(`Could not change the IAM roles of ${label} (${describeChange(change)}): ${errorName(e)}: ${e?.message ?? e}`);
}
function backoff(attempt) {
  return Math.floor(randomImpl() * Math.min(3e4, 500 * 2 ** (attempt - 1)));
}
function log(entry) {
  if (process.env.JEST_WORKER_ID === void 0) console.log(JSON.stringify(entry));
}
function defaultBackend(props) {
  return props.Target === "namespace" ? namespaceBackend(props.Name) : clusterBackend(props.Name);
}
function clusterBackend(clusterIdentifier) {
  const redshift = new import_client_redshift.RedshiftClient({});
  return {
    async describe() {
      try {
        const out = await redshift.send(new import_client_redshift.DescribeClustersCommand({ ClusterIdentifier: clusterIdentifier }));
        const cluster = out.Clusters?.[0];
        if (!cluster) return { exists: false, roles: [] };
        return {
          exists: true,
          roles: (cluster.IamRoles ?? []).map((r) => ({ arn: r.IamRoleArn ?? "", status: r.ApplyStatus ?? r.IamRoleApplyStatus ?? "in-sync" })).filter((r) => r.arn !== ""),
          defaultRoleArn: cluster.DefaultIamRoleArn || void 0
        };
      } catch (e) {
        if (e?.name === "ClusterNotFoundFault") return { exists: false, roles: [] };
        throw e;
      }
    },
    async modify(add, remove, defaultRoleArn) {
      await redshift.send(new import_client_redshift.ModifyClusterIamRolesCommand({
        ClusterIdentifier: clusterIdentifier,
        AddIamRoles: add.length > 0 ? add : void 0,
        RemoveIamRoles: remove.length > 0 ? remove : void 0,
        DefaultIamRoleArn: defaultRoleArn
      }));
    }
  };
}
function namespaceBackend(namespaceName) {
  const serverless = new import_client_redshift_serverless.RedshiftServerlessClient({});
  const read = async () => {
    try {
      const out = await serverless.send(new import_client_redshift_serverless.GetNamespaceCommand({ namespaceName }));
      const ns = out.namespace;
      if (!ns) return { exists: false, roles: [] };
      return {
        exists: true,
        roles: (ns.iamRoles ?? []).map(parseServerlessRole),
        defaultRoleArn: ns.defaultIamRoleArn || void 0,
        status: ns.status
      };
    } catch (e) {
      if (e?.name === "ResourceNotFoundException") return { exists: false, roles: [] };
      throw e;
    }
  };
  return {
    describe: read,
    async modify(add, remove, defaultRoleArn) {
      const current = await read();
      if (current.status !== void 0 && current.status !== "AVAILABLE") {
        throw Object.assign(new Error(`namespace is ${current.status}`), { name: "ConflictException" });
      }
      const keep = current.roles.map((r) => r.arn).filter((arn) => !remove.includes(arn));
      const roles = [.../* @__PURE__ */ new Set([...keep, ...add])];
      const currentDefault = current.defaultRoleArn !== void 0 && roles.includes(current.defaultRoleArn) ? current.defaultRoleArn : void 0;
      await serverless.send(new import_client_redshift_serverless.UpdateNamespaceCommand({
        namespaceName,
        iamRoles: roles,
        // UpdateNamespace wants the default role whenever the list changes.
        defaultIamRoleArn: defaultRoleArn ?? currentDefault
      }));
    }
  };
}
function parseServerlessRole(text) {
  const arn = /iamRoleArn=([^,)\s]+)/.exec(text)?.[1] ?? text.trim();
  const status = /applyStatus=([^,)\s]+)/.exec(text)?.[1] ?? "in-sync";
  return { arn, status };
}

// src/association-handler/on-event.lambda.ts
async function handler(event) {
  return onEvent(event);
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  handler
});
