// Validates Kubernetes objects against the schemas of their kind: the Kubernetes API (package
// kubernetes-models) and the CRDs of Strimzi, CloudNativePG, KEDA and the Prometheus Operator
// (@kubernetes-models/*), each an ajv validator compiled from the official OpenAPI schema. Reads a
// JSON array of objects on stdin; prints one JSON line per object: {"kind", "name", "errors": [...]}. An object whose
// apiVersion and kind have no schema here is an error too: nothing passes unchecked.
import { readFileSync } from "node:fs";

const packages = {
  "kafka.strimzi.io": "@kubernetes-models/strimzi-kafka-operator/kafka.strimzi.io",
  "postgresql.cnpg.io": "@kubernetes-models/cloudnative-pg/postgresql.cnpg.io",
  "keda.sh": "@kubernetes-models/keda/keda.sh",
  "monitoring.coreos.com": "@kubernetes-models/prometheus-operator/monitoring.coreos.com",
};

function modulePath(apiVersion, kind) {
  const slash = apiVersion.indexOf("/");
  if (slash < 0) return `kubernetes-models/${apiVersion}/${kind}`; // the core group: v1
  const group = apiVersion.slice(0, slash);
  const version = apiVersion.slice(slash + 1);
  const base = packages[group] ?? `kubernetes-models/${group}`;
  return `${base}/${version}/${kind}`;
}

const objects = JSON.parse(readFileSync(0, "utf8"));
let failed = false;
for (const object of objects) {
  const kind = object.kind;
  const name = object.metadata?.name;
  let errors = [];
  try {
    const module = await import(modulePath(object.apiVersion, kind));
    const Model = module[kind];
    if (typeof Model !== "function") throw new Error(`no model ${kind} in its module`);
    new Model(object).validate();
  } catch (e) {
    errors = [e.code === "ERR_MODULE_NOT_FOUND"
      ? `no schema for ${object.apiVersion} ${kind}`
      : String(e.message ?? e)];
  }
  failed ||= errors.length > 0;
  console.log(JSON.stringify({ kind, name, errors }));
}
process.exit(failed ? 1 : 0);
