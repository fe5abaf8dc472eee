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

// src/association-handler/is-complete.lambda.ts
var is_complete_lambda_exports = {};
__export(is_complete_lambda_exports, {
  handler: () => handler
});
module.exports = __toCommonJS(is_complete_lambda_exports);

// src/association-handler/handler.ts
var import_client_cloudformation = require("@aws-sdk/client-cloudformation");
var import_client_redshift = require("@aws-sdk/client-redshift");
var import_client_redshift_serverless = require("@aws-sdk/client-redshift-serverless");
var DEFAULT_WAIT_SECONDS = 20 * 60;
var RETRY_BUDGET_MS = 11 * 60 * 1e3;
var SERVICE_LINKED = /:role\/aws-service-role\//;
var BUSY_ERRORS = /* @__PURE__ */ new Set(["InvalidClusterStateFault", "InvalidClusterState", "ConflictException"]);
var THROTTLING_ERRORS = /* @__PURE__ */ new Set(["ThrottlingException", "Throttling", "TooManyRequestsException", "RequestLimitExceeded", "ServiceUnavailable"]);
var nowImpl = () => Date.now();
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
async function isComplete(event, backendFor = defaultBackend) {
  const props = normalize(event.ResourceProperties);
  const backend = backendFor(props);
  const generation = decodePhysicalId(event.PhysicalResourceId, props.RoleArns);
  if (event.Data?.Skip === "true" || !generation) return { IsComplete: true };
  const state = await backend.describe();
  const label = targetLabel(props);
  if (event.RequestType === "Delete") {
    if (!state.exists) return { IsComplete: true };
    const leaving2 = state.roles.filter((r) => generation.owned.has(r.arn) && r.status === "removing").map((r) => r.arn);
    if (leaving2.length === 0) return { IsComplete: true };
    checkDeadline(event, props, `removing ${leaving2.join(", ")} from ${label}`, state);
    return { IsComplete: false };
  }
  if (!state.exists) throw new Error(`${label} no longer exists`);
  const desired = desiredRoles(props);
  const attached = new Set(attachedArns(state));
  const missing = desired.filter((arn) => !attached.has(arn));
  const leaving = removalsOf(event).filter((arn) => state.roles.find((r) => r.arn === arn)?.status === "removing");
  const defaultWrong = props.DefaultRoleArn !== void 0 && state.defaultRoleArn !== props.DefaultRoleArn;
  if (missing.length > 0 || defaultWrong) {
    checkDeadline(event, props, `changing the roles of ${label}`, state);
    await modifyIfAvailable(backend, label, missing, defaultWrong ? props.DefaultRoleArn : void 0);
    return { IsComplete: false };
  }
  const notInSync = state.roles.filter((r) => desired.includes(r.arn) && r.status !== "in-sync");
  if (notInSync.length > 0 || leaving.length > 0) {
    checkDeadline(event, props, `waiting for ${label} to apply its roles`, state);
    return { IsComplete: false };
  }
  return { IsComplete: true };
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
function removalsOf(event) {
  return (event.Data?.Remove ?? "").split(",").filter((x) => x !== "");
}
function targetLabel(props) {
  return props.Target === "namespace" ? `Redshift Serverless namespace '${props.Name}'` : `Redshift cluster '${props.Name}'`;
}
function checkDeadline(event, props, doing, state) {
  const started = Number(event.Data?.StartedAt ?? nowImpl());
  const bound = Number(props.WaitTimeoutSeconds ?? DEFAULT_WAIT_SECONDS);
  if (nowImpl() - started > bound * 1e3) {
    const statuses = state.roles.map((r) => `${r.arn} (${r.status})`).join(", ") || "none";
    throw new Error(`Timed out after ${bound} seconds ${doing} (raise \`waitTimeout\` if the cluster is busy for longer). Roles now: ${statuses}`);
  }
}
async function modifyIfAvailable(backend, label, add, defaultRoleArn) {
  const change = { add, remove: [], defaultRoleArn };
  try {
    await backend.modify(add, [], defaultRoleArn);
    log({ message: "modified", label, ...change });
  } catch (e) {
    if (!isRetryable(e)) throw changeFailed(label, change, e);
    log({ message: "target busy; trying again on the next poll", label, error: errorName(e) });
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

// src/association-handler/is-complete.lambda.ts
async function handler(event) {
  return isComplete(event);
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  handler
});
