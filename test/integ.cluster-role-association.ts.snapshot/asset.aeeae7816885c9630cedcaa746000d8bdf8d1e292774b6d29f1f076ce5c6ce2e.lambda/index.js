"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
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
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// src/association-handler/association.lambda.ts
var association_lambda_exports = {};
__export(association_lambda_exports, {
  handler: () => handler
});
module.exports = __toCommonJS(association_lambda_exports);
var https = __toESM(require("https"));
var import_client_lambda = require("@aws-sdk/client-lambda");
var import_client_redshift2 = require("@aws-sdk/client-redshift");
var import_client_redshift_serverless2 = require("@aws-sdk/client-redshift-serverless");
var import_client_ssm2 = require("@aws-sdk/client-ssm");
var import_client_sts = require("@aws-sdk/client-sts");

// src/association-handler/backends.ts
var import_client_redshift = require("@aws-sdk/client-redshift");
var import_client_redshift_serverless = require("@aws-sdk/client-redshift-serverless");
var import_client_ssm = require("@aws-sdk/client-ssm");

// src/association-handler/contract.ts
var RECORD_ROOT = "/cdk-redshift-iam";
function recordPath(kind, name) {
  return `${RECORD_ROOT}/${kind}/${name}`;
}
var DEFAULT_WAIT_SECONDS = 20 * 60;
var MAX_WAIT_SECONDS = 55 * 60;
var RESPONSE_MARGIN_SECONDS = 5 * 60;

// src/association-handler/ownership.ts
function targetPath(kind, name) {
  return recordPath(kind, name.toLowerCase());
}
function recordName(kind, name, stackId, logicalId) {
  return `${targetPath(kind, name)}/${stackNameOf(stackId)}/${logicalId}`;
}
function stackNameOf(stackId) {
  const resource = stackId.split(":").slice(5).join(":");
  const name = resource.split("/")[1];
  if (!resource.startsWith("stack/") || !name) throw new Error(`Not a stack ARN: ${stackId}`);
  return name;
}
function physicalIdOf(record, accessRoleArn) {
  const roleName = accessRoleArn.split("/").pop();
  if (!/^arn:[\w-]+:iam::\d{12}:role\/[\w+=,.@-]{1,64}$/.test(accessRoleArn) || !roleName) {
    throw new Error(`AccessRoleArn must be the ARN of a role without a path, got '${accessRoleArn}'`);
  }
  return `${record}#${roleName}`;
}
function parsePhysicalId(physicalId, stackId) {
  const [record, roleName, ...rest] = (physicalId ?? "").split("#");
  const parts = record.split("/");
  if (rest.length > 0 || !roleName || parts.length !== 6 || `/${parts[1]}` !== RECORD_ROOT) return void 0;
  const kind = parts[2];
  if (kind !== "cluster" && kind !== "namespace") return void 0;
  const [, partition, , , account] = stackId.split(":");
  return { kind, name: parts[3], record, accessRoleArn: `arn:${partition}:iam::${account}:role/${roleName}` };
}
var VERSION = 1;
function encodeRecord(record) {
  return JSON.stringify({
    v: VERSION,
    listed: sortedUnique(record.listed),
    owned: sortedUnique(record.owned),
    ...record.defaultRole ? { defaultRole: record.defaultRole } : {},
    ...record.wantsDefault ? { wantsDefault: record.wantsDefault } : {},
    ...record.released ? { released: true } : {}
  });
}
function decodeRecord(name, text) {
  let raw;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Error(`The ownership record ${name} is not JSON; fix or delete it by hand`);
  }
  const strings = (x) => Array.isArray(x) && x.every((s) => typeof s === "string");
  if (raw?.v !== VERSION || !strings(raw.listed) || !strings(raw.owned)) {
    throw new Error(`The ownership record ${name} has a format this version of cdk-redshift-iam does not know: ${text.slice(0, 200)}`);
  }
  const d = raw.defaultRole;
  return {
    listed: raw.listed,
    owned: raw.owned,
    defaultRole: d && typeof d.set === "string" && typeof d.previous === "string" ? { set: d.set, previous: d.previous } : void 0,
    wantsDefault: typeof raw.wantsDefault === "string" ? raw.wantsDefault : void 0,
    released: raw.released === true ? true : void 0
  };
}
var EMPTY_RECORD = { listed: [], owned: [] };
function sortedUnique(values) {
  return [...new Set(values)].sort();
}
function sameRecord(a, b) {
  return (a === void 0 ? void 0 : encodeRecord(a)) === (b === void 0 ? void 0 : encodeRecord(b));
}

// src/association-handler/backends.ts
function clusterBackend(redshift, clusterIdentifier) {
  return {
    async describe() {
      try {
        const out = await redshift.send(new import_client_redshift.DescribeClustersCommand({ ClusterIdentifier: clusterIdentifier }));
        const cluster = out.Clusters?.[0];
        if (!cluster) return { exists: false, roles: [] };
        return {
          exists: true,
          status: cluster.ClusterStatus,
          roles: (cluster.IamRoles ?? []).map((r) => ({ arn: r.IamRoleArn ?? "", status: r.ApplyStatus ?? "in-sync" })).filter((r) => r.arn !== ""),
          defaultRoleArn: cluster.DefaultIamRoleArn || void 0
        };
      } catch (e) {
        if (e?.name === "ClusterNotFoundFault") return { exists: false, roles: [] };
        throw e;
      }
    },
    async modify(change) {
      await redshift.send(new import_client_redshift.ModifyClusterIamRolesCommand({
        ClusterIdentifier: clusterIdentifier,
        AddIamRoles: change.add.length > 0 ? change.add : void 0,
        RemoveIamRoles: change.remove.length > 0 ? change.remove : void 0,
        // The planner never asks a cluster to clear its default ('') : Redshift clears it with the role.
        DefaultIamRoleArn: change.defaultRoleArn || void 0
      }));
    }
  };
}
function namespaceBackend(serverless, namespaceName) {
  return {
    async describe() {
      try {
        const out = await serverless.send(new import_client_redshift_serverless.GetNamespaceCommand({ namespaceName }));
        const ns = out.namespace;
        if (!ns) return { exists: false, roles: [] };
        return {
          exists: true,
          status: ns.status,
          roles: (ns.iamRoles ?? []).map(parseServerlessRole),
          defaultRoleArn: ns.defaultIamRoleArn || void 0
        };
      } catch (e) {
        if (e?.name === "ResourceNotFoundException") return { exists: false, roles: [] };
        throw e;
      }
    },
    async modify(change, before) {
      const kept = before.roles.filter((r) => r.status !== "removing" && !change.remove.includes(r.arn)).map((r) => r.arn);
      const roles = [.../* @__PURE__ */ new Set([...kept, ...change.add])];
      const currentDefault = before.defaultRoleArn !== void 0 && roles.includes(before.defaultRoleArn) ? before.defaultRoleArn : "";
      await serverless.send(new import_client_redshift_serverless.UpdateNamespaceCommand({
        namespaceName,
        iamRoles: roles,
        defaultIamRoleArn: change.defaultRoleArn ?? currentDefault
      }));
    }
  };
}
function parseServerlessRole(text) {
  const arn = /iamRoleArn=([^,)\s]+)/.exec(text)?.[1] ?? text.trim();
  const status = /applyStatus=([^,)\s]+)/.exec(text)?.[1] ?? "in-sync";
  return { arn, status };
}
function parameterStore(ssm) {
  return {
    async list(targetPath2) {
      const records = /* @__PURE__ */ new Map();
      let token;
      do {
        const out = await ssm.send(new import_client_ssm.GetParametersByPathCommand({ Path: targetPath2, Recursive: true, NextToken: token }));
        for (const p of out.Parameters ?? []) {
          if (p.Name && p.Value !== void 0) records.set(p.Name, decodeRecord(p.Name, p.Value));
        }
        token = out.NextToken;
      } while (token);
      return records;
    },
    async put(name, record) {
      await ssm.send(new import_client_ssm.PutParameterCommand({
        Name: name,
        Value: encodeRecord(record),
        Type: "String",
        Overwrite: true,
        Tier: import_client_ssm.ParameterTier.INTELLIGENT_TIERING,
        Description: "cdk-redshift-iam: the IAM roles this role association attached (do not edit)"
      }));
    },
    async delete(name) {
      try {
        await ssm.send(new import_client_ssm.DeleteParameterCommand({ Name: name }));
      } catch (e) {
        if (e?.name !== "ParameterNotFound") throw e;
      }
    }
  };
}

// src/association-handler/faults.ts
var BUSY = /* @__PURE__ */ new Set(["InvalidClusterStateFault", "InvalidClusterState", "ConflictException"]);
var THROTTLED = /* @__PURE__ */ new Set([
  "ThrottlingException",
  "Throttling",
  "TooManyRequestsException",
  "RequestLimitExceeded",
  "ServiceUnavailable",
  "ServiceUnavailableException",
  "InternalFailure",
  "InternalServerException"
]);
var GONE = /* @__PURE__ */ new Set(["ClusterNotFoundFault", "ClusterNotFound", "ResourceNotFoundException"]);
var DENIED = /* @__PURE__ */ new Set(["AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "AccessDeniedFault"]);
function errorName(e) {
  return e?.name ?? e?.Code ?? "Error";
}
var INVALID_ROLE = /IAM role .*(is not valid|must delegate access)/i;
function classify(e) {
  const name = errorName(e);
  if ((name === "InvalidParameterValue" || name === "InvalidParameterValueFault") && INVALID_ROLE.test(e?.message ?? "")) return "denied";
  if (BUSY.has(name)) return "busy";
  if (THROTTLED.has(name) || e?.$retryable?.throttling === true) return "throttled";
  if (GONE.has(name)) return "gone";
  if (DENIED.has(name)) return "denied";
  return "fatal";
}
function backoff(attempt, random) {
  return Math.floor(random() * Math.min(2e4, 1e3 * 2 ** Math.max(0, attempt - 1)));
}
function readiness(kind, status) {
  if (status === void 0) return "ready";
  if (kind === "namespace") {
    if (status === "AVAILABLE") return "ready";
    if (status === "MODIFYING") return "transient";
    return "blocked";
  }
  if (status === "available") return "ready";
  if (TRANSIENT_CLUSTER.has(status) || status.startsWith("available,")) return "transient";
  return "blocked";
}
var TRANSIENT_CLUSTER = /* @__PURE__ */ new Set([
  "creating",
  "modifying",
  "rebooting",
  "renaming",
  "resizing",
  "resuming",
  "rotating-keys",
  "updating-hsm",
  "cancelling-resize"
]);
function blockedAdvice(kind, status) {
  if (kind === "cluster" && (status === "paused" || status === "pausing")) return "resume the cluster, then deploy again";
  if (status === "deleting" || status === "DELETING" || status === "final-snapshot") return "it is being deleted";
  return "bring it back to available, then deploy again";
}

// src/association-handler/operation.ts
function operationOf(event) {
  const props = event.ResourceProperties ?? {};
  const waitSeconds = Math.min(MAX_WAIT_SECONDS, Math.max(1, Number(props.WaitTimeoutSeconds ?? DEFAULT_WAIT_SECONDS) || DEFAULT_WAIT_SECONDS));
  if (event.RequestType === "Delete") {
    const target = parsePhysicalId(event.PhysicalResourceId, event.StackId);
    if (!target) return { physicalId: event.PhysicalResourceId ?? event.LogicalResourceId, releasing: true, replacing: false, waitSeconds };
    return { ...target, physicalId: event.PhysicalResourceId, desired: { roles: [] }, releasing: true, replacing: false, waitSeconds };
  }
  const invalid = (error) => ({
    physicalId: event.PhysicalResourceId ?? `invalid/${event.LogicalResourceId}`,
    releasing: false,
    replacing: false,
    waitSeconds,
    error
  });
  if (props.Target !== "cluster" && props.Target !== "namespace") return invalid(`Unknown Target '${props.Target}'`);
  if (typeof props.Name !== "string" || !/^[a-z0-9-]{1,128}$/i.test(props.Name)) return invalid(`Invalid Name '${props.Name}'`);
  if (!Array.isArray(props.RoleArns) || props.RoleArns.some((r) => typeof r !== "string")) return invalid("RoleArns must be a list of role ARNs");
  if (props.DefaultRoleArn && !props.RoleArns.includes(props.DefaultRoleArn)) return invalid(`DefaultRoleArn ${props.DefaultRoleArn} is not one of RoleArns`);
  const name = props.Name.toLowerCase();
  const record = recordName(props.Target, name, event.StackId, event.LogicalResourceId);
  let physicalId;
  try {
    physicalId = physicalIdOf(record, props.AccessRoleArn);
  } catch (e) {
    return invalid(e.message);
  }
  return {
    physicalId,
    record,
    accessRoleArn: props.AccessRoleArn,
    kind: props.Target,
    name,
    desired: { roles: props.RoleArns, defaultRoleArn: props.DefaultRoleArn || void 0 },
    releasing: false,
    replacing: event.RequestType === "Update" && parsePhysicalId(event.PhysicalResourceId, event.StackId) !== void 0 && event.PhysicalResourceId !== physicalId,
    wasHere: event.RequestType === "Update" && event.PhysicalResourceId === physicalId,
    waitSeconds
  };
}

// src/association-handler/plan.ts
var SERVICE_LINKED = /:role\/aws-service-role\//;
function isServiceLinked(arn) {
  return SERVICE_LINKED.test(arn);
}
function plan(args) {
  const { self, desired, state, records, capabilities } = args;
  const mine = records.get(self) ?? EMPTY_RECORD;
  const status = new Map(state.roles.map((r) => [r.arn, r.status]));
  const present = (arn) => status.has(arn) && status.get(arn) !== "removing";
  const others = [...records].filter(([name]) => name !== self).map(([, r]) => r);
  const listedElsewhere = new Set(others.flatMap((r) => r.listed));
  const leftBehind = new Set(others.flatMap((r) => r.owned.filter((arn) => !r.listed.includes(arn))));
  const wanted = sortedUnique(desired.roles.filter((arn) => !isServiceLinked(arn)));
  const owned = mine.owned.filter(present);
  const current = state.defaultRoleArn || void 0;
  const waits = [];
  const add = wanted.filter((arn) => !status.has(arn));
  wanted.filter((arn) => status.get(arn) === "removing").forEach((arn) => waits.push(`${arn} is still being removed`));
  const mayLetGo = sortedUnique([...owned, ...[...leftBehind].filter(present)]).filter((arn) => !wanted.includes(arn) && !listedElsewhere.has(arn) && !isServiceLinked(arn));
  const wantedByAnother = (arn) => arn !== void 0 && others.some((r) => !r.released && r.wantsDefault === arn);
  const keep = /* @__PURE__ */ new Set();
  const restoringNow = desired.defaultRoleArn === void 0 && mine.defaultRole?.set === current && !wantedByAnother(current);
  const replaced = mine.defaultRole?.previous;
  if (replaced && (!owned.includes(replaced) || restoringNow)) keep.add(replaced);
  const setByUs = mine.defaultRole?.set === current || others.some((r) => r.released && r.defaultRole?.set === current);
  const mineToLetGo = setByUs && desired.defaultRoleArn !== current && !wantedByAnother(current);
  if (current !== void 0 && !mineToLetGo) keep.add(current);
  const letGo = mayLetGo.filter((arn) => !keep.has(arn));
  letGo.filter((arn) => status.get(arn) === "adding").forEach((arn) => waits.push(`${arn} is still being added`));
  const remove = letGo.filter((arn) => status.get(arn) === "in-sync");
  const addNow = add.slice(0, capabilities.maxPerCall);
  const removeNow = remove.slice(0, capabilities.maxPerCall);
  const after = /* @__PURE__ */ new Set([...state.roles.filter((r) => r.status !== "removing").map((r) => r.arn), ...addNow]);
  removeNow.forEach((arn) => after.delete(arn));
  let defaultRoleArn;
  let defaultRecord = mine.defaultRole;
  if (desired.defaultRoleArn !== void 0) {
    const wantedDefault = desired.defaultRoleArn;
    if (current !== wantedDefault) {
      if (after.has(wantedDefault)) {
        defaultRoleArn = wantedDefault;
        const previous = mine.defaultRole && current === mine.defaultRole.set ? mine.defaultRole.previous : current ?? "";
        defaultRecord = { set: wantedDefault, previous };
      }
    } else if (mine.defaultRole?.set !== wantedDefault) {
      const setter = others.find((r) => r.defaultRole?.set === wantedDefault);
      defaultRecord = setter ? { set: wantedDefault, previous: setter.defaultRole.previous } : void 0;
    }
  } else if (mine.defaultRole !== void 0) {
    if (current === mine.defaultRole.set && !wantedByAnother(current)) {
      const previous = mine.defaultRole.previous;
      const restore = previous !== "" && after.has(previous) ? previous : "";
      defaultRecord = void 0;
      if (restore !== "") {
        defaultRoleArn = restore;
      } else if (after.has(current) && capabilities.canClearDefault) {
        defaultRoleArn = "";
      } else if (after.has(current)) {
        defaultRecord = mine.defaultRole;
      }
    } else {
      defaultRecord = void 0;
    }
  }
  const ownedAfter = sortedUnique([...owned.filter((arn) => !removeNow.includes(arn)), ...addNow]);
  const releasing = args.releasing === true;
  const record = releasing ? { listed: [], owned: ownedAfter, defaultRole: defaultRecord, released: true } : { listed: wanted, owned: ownedAfter, defaultRole: defaultRecord, wantsDefault: desired.defaultRoleArn };
  if (addNow.length > 0 || removeNow.length > 0 || defaultRoleArn !== void 0) {
    return { kind: "change", change: { add: addNow, remove: removeNow, defaultRoleArn }, record };
  }
  wanted.filter((arn) => status.get(arn) === "adding").forEach((arn) => waits.push(`${arn} is still being added`));
  (args.removedEarlier ?? []).filter((arn) => status.get(arn) === "removing").forEach((arn) => waits.push(`${arn} is still being removed`));
  if (desired.defaultRoleArn !== void 0 && current !== desired.defaultRoleArn && !waits.length) {
    waits.push(`the default role ${desired.defaultRoleArn} is not attached yet`);
  }
  if (waits.length > 0) return { kind: "wait", reason: sortedUnique(waits).join("; "), record };
  const releasedRecords = [...records].filter(([name, r]) => name !== self && r.released && !r.owned.some(present)).map(([name]) => name);
  return { kind: "done", record, releasedRecords };
}

// src/association-handler/retry.ts
var DENIED_WINDOW_MS = 12e4;
async function retryThrottled(fn, deps, until) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      const pause = backoff(attempt, deps.random);
      if (classify(e) !== "throttled" || attempt >= 8 || deps.now() + pause >= until) throw e;
      await deps.sleep(pause);
    }
  }
}
async function retryDenied(fn, deps, until, call) {
  const since = deps.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await retryThrottled(fn, deps, until);
    } catch (e) {
      if (classify(e) !== "denied") throw e;
      const elapsed = deps.now() - since;
      const pause = deniedPause(attempt, deps.random);
      if (elapsed + pause > DENIED_WINDOW_MS || deps.now() + pause >= until) throw deniedError(e, call, elapsed);
      await deps.sleep(pause);
    }
  }
}
function deniedPause(attempt, random) {
  return Math.max(1e3, backoff(attempt, random));
}
function deniedError(e, call, elapsedMs) {
  const message = e?.message ?? String(e);
  const lasted = elapsedMs >= 1e3 ? ` for ${Math.round(elapsedMs / 1e3)} seconds` : "";
  if (!/denied|unauthorized/i.test(errorName(e))) {
    return new Error(
      `Redshift refused a role as not valid${lasted} (${errorName(e)}), longer than IAM takes to apply a new role or trust policy. Check that its trust policy lets Redshift assume it (redshift.amazonaws.com, and redshift-serverless.amazonaws.com for a namespace). AWS said: ${message}`
    );
  }
  const named = /is not authorized to perform:?\s+([\w-]+:[\w*-]+)(?:\s+on resource:?\s+"?([^\s"]+?)"?)?(?=[\s.,;]|$)/.exec(message);
  const what = named ? named[2] ? `${named[1]} on ${named[2]}` : named[1] : call;
  return new Error(
    `IAM denied ${what}${lasted} (${errorName(e)}), longer than IAM takes to apply a change made in this deployment. The association's access role allows it, so a policy outside this library may deny it: a service control policy, a resource control policy, a permissions boundary, or an explicit Deny. AWS said: ${message}`
  );
}

// src/association-handler/handler.ts
var INVOCATION_RESERVE_MS = 9e4;
var POLL_MS = 1e4;
var MAX_RESPONSE_BYTES = 4096;
var CAPABILITIES = {
  // "You can associate up to 10 IAM roles with a single cluster in a single request" (ModifyClusterIamRoles).
  cluster: { maxPerCall: 10, canClearDefault: false },
  namespace: { maxPerCall: 50, canClearDefault: true }
};
async function handle(invocation, deps) {
  const { event } = invocation;
  const startedAt = invocation.startedAt ?? deps.now();
  const op = operationOf(event);
  deps.log({ message: "request", requestType: event.RequestType, physicalId: op.physicalId, continuations: invocation.continuations ?? 0 });
  try {
    if (op.error) throw new Error(op.error);
    if (!op.kind) {
      await send(deps, event, "SUCCESS", op.physicalId);
      return "responded";
    }
    const session = await connect(op, deps, startedAt);
    const outcome = await reconcile(op, session, invocation, startedAt, deps);
    if (outcome === "continued") return outcome;
    await send(deps, event, "SUCCESS", op.physicalId);
    return "responded";
  } catch (e) {
    const reason = e?.message ?? String(e);
    deps.log({ message: "failed", physicalId: op.physicalId, reason });
    let physicalId = op.physicalId;
    if (op.replacing && op.kind && op.name) {
      await undoReplacement(op, deps).catch((undo) => deps.log({ message: "undo failed", error: String(undo) }));
      physicalId = event.PhysicalResourceId;
    }
    await send(deps, event, "FAILED", physicalId, reason);
    return "responded";
  }
}
async function reconcile(op, session, invocation, startedAt, deps) {
  const label = op.kind === "namespace" ? `Redshift Serverless namespace '${op.name}'` : `Redshift cluster '${op.name}'`;
  const round = {
    op,
    session,
    deps,
    label,
    backend: session.backendFor(op.kind, op.name),
    deadline: startedAt + op.waitSeconds * 1e3,
    removed: [...invocation.removed ?? []],
    attempt: 0
  };
  let waitingFor = "starting";
  let deniedSince = invocation.deniedSince;
  let denials = 0;
  for (; ; ) {
    if (deps.now() >= round.deadline) {
      throw new Error(`Timed out after ${op.waitSeconds} seconds changing the IAM roles of ${label}: ${waitingFor}. Raise \`waitTimeout\` if it is busy for longer, then deploy again`);
    }
    let next;
    try {
      next = await step(round);
      deniedSince = void 0;
      denials = 0;
    } catch (e) {
      if (classify(e) !== "denied") throw e;
      deniedSince ??= deps.now();
      const pause = deniedPause(++denials, deps.random);
      if (deps.now() - deniedSince + pause > DENIED_WINDOW_MS) throw deniedError(e, `a call for ${label}`, deps.now() - deniedSince);
      next = { pause, waitingFor: `IAM to allow what ${label} needs (${errorName(e)}: ${e?.message ?? ""})` };
    }
    if (next === "done") return "done";
    waitingFor = next.waitingFor;
    const later = { ...invocation, startedAt, removed: round.removed, deniedSince };
    const outcome = await pauseOrContinue(next.pause, round.deadline, later, session, deps);
    if (outcome === "continued") return "continued";
  }
}
async function step(round) {
  const { op, session, deps, label, backend, deadline } = round;
  const store = session.store;
  const call = (fn) => retryThrottled(fn, deps, deadline);
  const path = targetPath(op.kind, op.name);
  let records = await call(() => store.list(path));
  let mine = records.get(op.record);
  if (op.releasing && mine && !mine.released) {
    const released = { listed: [], owned: mine.owned, defaultRole: mine.defaultRole, released: true };
    await call(() => store.put(op.record, released));
    records = await call(() => store.list(path));
    records.set(op.record, released);
    mine = released;
  }
  const others = [...records].filter(([name]) => name !== op.record).map(([, r]) => r);
  const inherited = others.some((r) => r.owned.some((arn) => !r.listed.includes(arn) && !others.some((o) => o.listed.includes(arn))));
  if (op.releasing && (!mine || mine.owned.length === 0 && !mine.defaultRole && !inherited)) {
    if (mine) await call(() => store.delete(op.record));
    return "done";
  }
  if (!op.releasing && op.desired.roles.some((arn) => !(mine?.listed ?? []).includes(arn))) {
    const announced = { ...mine ?? { owned: [] }, listed: [.../* @__PURE__ */ new Set([...mine?.listed ?? [], ...op.desired.roles])], released: void 0 };
    await call(() => store.put(op.record, announced));
    records = await call(() => store.list(path));
    records.set(op.record, announced);
  }
  const state = await call(() => backend.describe());
  if (!state.exists) {
    if (!op.releasing && !op.wasHere) throw new Error(`${label} does not exist: create it first, or check its name and the stack's Region`);
    await call(() => store.delete(op.record));
    return "done";
  }
  const ready = readiness(op.kind, state.status);
  if (ready === "blocked") {
    if (op.releasing && state.status === "DELETING") {
      await call(() => store.delete(op.record));
      return "done";
    }
    if (op.releasing && mine) {
      await call(() => store.put(op.record, { ...mine, listed: [], released: true }));
    }
    throw new Error(`${label} is ${state.status}, so its IAM roles cannot be changed: ${blockedAdvice(op.kind, state.status)}`);
  }
  if (ready === "transient") return { pause: POLL_MS, waitingFor: `${label} is ${state.status}` };
  const next = plan({
    self: op.record,
    desired: op.desired,
    state,
    records,
    capabilities: CAPABILITIES[op.kind],
    removedEarlier: round.removed,
    releasing: op.releasing
  });
  if (next.kind === "wait") return { pause: POLL_MS, waitingFor: next.reason };
  if (next.kind === "done") {
    if (op.releasing && next.record.owned.length === 0) {
      await call(() => store.delete(op.record));
    } else if (!sameRecord(records.get(op.record), next.record)) {
      await call(() => store.put(op.record, next.record));
    }
    for (const name of next.releasedRecords) await call(() => store.delete(name));
    return "done";
  }
  try {
    await backend.modify(next.change, state);
  } catch (e) {
    const fault = classify(e);
    if (fault === "denied") throw e;
    if (fault === "fatal") throw new Error(`Could not change the IAM roles of ${label} (${describe(next.change)}): ${errorName(e)}: ${e?.message ?? e}`);
    round.attempt++;
    return { pause: Math.max(1e3, backoff(round.attempt, deps.random)), waitingFor: `${label} answered ${errorName(e)} (${e?.message ?? ""})` };
  }
  deps.log({ message: "modified", target: label, ...next.change });
  round.removed.push(...next.change.remove);
  round.attempt = 0;
  await retryDenied(() => store.put(op.record, next.record), deps, Number.MAX_SAFE_INTEGER, `ssm:PutParameter on ${op.record}`);
  return { pause: 2e3, waitingFor: "Redshift to apply the change" };
}
function connect(op, deps, startedAt) {
  const until = Math.min(startedAt + op.waitSeconds * 1e3, deps.now() + Math.max(0, deps.remainingMs() - INVOCATION_RESERVE_MS));
  return retryDenied(() => deps.connect(op.accessRoleArn), deps, until, `sts:AssumeRole on ${op.accessRoleArn}`);
}
async function pauseOrContinue(ms, deadline, next, session, deps) {
  const wait = Math.max(0, Math.min(ms, deadline - deps.now()));
  if (deps.remainingMs() - wait < INVOCATION_RESERVE_MS) {
    const continuation = { ...next, continuations: (next.continuations ?? 0) + 1 };
    try {
      await retryDenied(() => session.continueLater(continuation), deps, deps.now() + Math.max(0, deps.remainingMs() - 3e4), "lambda:InvokeFunction on this function");
    } catch (e) {
      const why = errorName(e) === "Error" ? e?.message : `${errorName(e)}: ${e?.message ?? e}`;
      throw new Error(`The operation needed more time than one invocation, and could not continue in a new one (the function invokes itself): ${why}`);
    }
    deps.log({ message: "continuing in a new invocation" });
    return "continued";
  }
  await deps.sleep(wait);
  return "slept";
}
async function undoReplacement(op, deps) {
  const budget = Math.max(0, deps.remainingMs() - INVOCATION_RESERVE_MS);
  const release = { ...op, desired: { roles: [] }, releasing: true, waitSeconds: Math.floor(budget / 1e3) };
  const session = await connect(op, deps, deps.now());
  const noContinue = { ...session, continueLater: async () => {
    throw new Error("out of time undoing a failed update");
  } };
  await reconcile(release, noContinue, { event: {} }, deps.now(), deps);
}
function describe(change) {
  return [
    change.add.length ? `adding ${change.add.join(", ")}` : "",
    change.remove.length ? `removing ${change.remove.join(", ")}` : "",
    change.defaultRoleArn !== void 0 ? change.defaultRoleArn ? `setting the default role ${change.defaultRoleArn}` : "clearing the default role" : ""
  ].filter((x) => x).join("; ");
}
async function send(deps, event, status, physicalId, reason) {
  const base = {
    Status: status,
    PhysicalResourceId: physicalId,
    StackId: event.StackId,
    RequestId: event.RequestId,
    LogicalResourceId: event.LogicalResourceId
  };
  const room = MAX_RESPONSE_BYTES - Buffer.byteLength(JSON.stringify({ ...base, Reason: "" })) - 16;
  const full = reason ?? (status === "SUCCESS" ? "OK" : "Failed");
  let cut = full;
  while (Buffer.byteLength(JSON.stringify(cut)) > room) cut = `${cut.slice(0, Math.floor(cut.length * 0.9))}...`;
  await deps.respond(event.ResponseURL, { ...base, Reason: cut });
}

// src/association-handler/association.lambda.ts
var clientConfig = { maxAttempts: 3 };
var sts = new import_client_sts.STSClient(clientConfig);
async function handler(input, context) {
  const invocation = "event" in input ? input : { event: input };
  const deps = {
    connect: (accessRoleArn) => connect2(accessRoleArn, context.invokedFunctionArn),
    respond: putResponse,
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    random: Math.random,
    remainingMs: () => context.getRemainingTimeInMillis(),
    log: (entry) => console.log(JSON.stringify(entry))
  };
  await handle(invocation, deps);
}
async function connect2(accessRoleArn, functionArn) {
  const out = await sts.send(new import_client_sts.AssumeRoleCommand({ RoleArn: accessRoleArn, RoleSessionName: "cdk-redshift-iam-association", DurationSeconds: 3600 }));
  const c = out.Credentials;
  const credentials = { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken, expiration: c.Expiration };
  const config = { ...clientConfig, credentials };
  const redshift = new import_client_redshift2.RedshiftClient(config);
  const serverless = new import_client_redshift_serverless2.RedshiftServerlessClient(config);
  const lambda = new import_client_lambda.LambdaClient(config);
  return {
    backendFor: (kind, name) => kind === "namespace" ? namespaceBackend(serverless, name) : clusterBackend(redshift, name),
    store: parameterStore(new import_client_ssm2.SSMClient(config)),
    continueLater: async (next) => {
      await lambda.send(new import_client_lambda.InvokeCommand({
        FunctionName: functionArn,
        InvocationType: import_client_lambda.InvocationType.Event,
        Payload: Buffer.from(JSON.stringify(next))
      }));
    }
  };
}
async function putResponse(url, response) {
  const body = JSON.stringify(response);
  for (let attempt = 1; ; attempt++) {
    try {
      await new Promise((resolve, reject) => {
        const request2 = https.request(url, {
          method: "PUT",
          headers: { "content-type": "", "content-length": Buffer.byteLength(body) }
        }, (res) => {
          res.resume();
          res.on("end", () => (res.statusCode ?? 500) < 300 ? resolve() : reject(new Error(`ResponseURL answered ${res.statusCode}`)));
        });
        request2.on("error", reject);
        request2.setTimeout(2e4, () => request2.destroy(new Error("ResponseURL did not answer in 20 seconds")));
        request2.end(body);
      });
      return;
    } catch (e) {
      if (attempt >= 5) throw e;
      await new Promise((resolve) => setTimeout(resolve, 1e3 * attempt));
    }
  }
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  handler
});
