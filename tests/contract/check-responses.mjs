// Checks responses recorded by the API tests against the HUB API contract.
//
//   node check-responses.mjs openapi.yaml records.jsonl...
//
// Each record is one JSON line: {method, path, status, content_type,
// headers (names in lower case), body}. A response passes when its path
// and method are an operation of the contract, its status is one the
// operation documents, it has the headers documented for that status, its
// content type is one documented for it, and its body matches the
// documented schema. Paths outside the contract must answer 404 and
// methods outside it 405, both with the Error schema.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const [specPath, ...recordPaths] = process.argv.slice(2);
if (!specPath || recordPaths.length === 0) {
  console.error('usage: check-responses.mjs openapi.yaml records.jsonl...');
  process.exit(2);
}

const tools = process.env.HUB_NPM_TOOLS;
if (!tools) {
  console.error('HUB_NPM_TOOLS is not set: it names the folder with node_modules');
  process.exit(2);
}
const require = createRequire(path.join(tools, 'package.json'));
const YAML = require('yaml');
const Ajv2020 = require('ajv/dist/2020').default;
const addFormats = require('ajv-formats').default;

const doc = YAML.parse(readFileSync(specPath, 'utf8'));
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(doc, 'hub');

const API_PREFIX = '/api/v1';
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

function pointerEscape (segment) {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}

function resolve (object, pointer) {
  while (object && object.$ref) {
    pointer = object.$ref.slice(1);
    object = pointer.split('/').slice(1)
      .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'))
      .reduce((o, key) => o?.[key], doc);
  }
  return [object, pointer];
}

const templates = Object.keys(doc.paths).map((template) => ({
  template,
  regex: new RegExp('^' + template.replace(/\{[^}]+\}/g, '[^/]+') + '$'),
}));

const validators = new Map();
function validatorFor (pointer) {
  if (!validators.has(pointer)) {
    validators.set(pointer, ajv.compile({ $ref: 'hub#' + pointer }));
  }
  return validators.get(pointer);
}

function checkBody (record, schemaPointer, problems) {
  let body = record.body;
  if (record.content_type === 'application/json') {
    try {
      body = JSON.parse(record.body);
    } catch (e) {
      problems.push(`body is not JSON: ${e.message}`);
      return;
    }
  }
  const validate = validatorFor(schemaPointer);
  if (!validate(body)) {
    for (const error of validate.errors) {
      problems.push(`body${error.instancePath} ${error.message}` +
                    (error.params ? ' ' + JSON.stringify(error.params) : ''));
    }
  }
}

const errorPointer = '/components/schemas/Error';

function check (record) {
  const problems = [];
  if (!record.path.startsWith(API_PREFIX + '/') && record.path !== API_PREFIX) {
    if (record.status !== 404) problems.push(`outside ${API_PREFIX} but answered ${record.status}`);
    checkBody(record, errorPointer, problems);
    return { key: 'outside the API', problems };
  }

  const apiPath = record.path.slice(API_PREFIX.length);
  const match = templates.find((t) => t.regex.test(apiPath));
  if (!match) {
    if (record.status !== 404) problems.push(`undocumented path answered ${record.status}`);
    checkBody(record, errorPointer, problems);
    return { key: 'undocumented path', problems };
  }

  const method = record.method.toLowerCase();
  const pathItem = doc.paths[match.template];
  const operation = pathItem[method];
  if (!operation) {
    if (record.status !== 405) problems.push(`undocumented method answered ${record.status}`);
    checkBody(record, errorPointer, problems);
    return { key: `${record.method} ${match.template} (not an operation)`, problems };
  }

  const key = `${operation.operationId} ${record.status}`;
  const status = String(record.status);
  const basePointer = `/paths/${pointerEscape(match.template)}/${method}/responses`;
  let responsePointer = `${basePointer}/${status}`;
  let response = operation.responses[status];
  if (!response && operation.responses.default) {
    response = operation.responses.default;
    responsePointer = `${basePointer}/default`;
  }
  if (!response) {
    problems.push(`status ${status} is not documented for ${operation.operationId}`);
    return { key, problems };
  }
  [response, responsePointer] = resolve(response, responsePointer);

  for (const name of Object.keys(response.headers ?? {})) {
    if (!(name.toLowerCase() in record.headers)) {
      problems.push(`the ${name} header is missing`);
    }
  }

  if (!response.content) {
    if (record.body !== '') problems.push('a body where the contract documents none');
    return { key, problems };
  }
  const media = response.content[record.content_type];
  if (!media) {
    problems.push(`content type "${record.content_type}" is not documented ` +
                  `(${Object.keys(response.content).join(', ')})`);
    return { key, problems };
  }
  if (media.schema) {
    checkBody(record, `${responsePointer}/content/${pointerEscape(record.content_type)}/schema`,
              problems);
  }
  return { key, problems };
}

let failures = 0;
const covered = new Map();
for (const file of recordPaths) {
  const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '');
  for (const line of lines) {
    const record = JSON.parse(line);
    const { key, problems } = check(record);
    covered.set(key, (covered.get(key) ?? 0) + 1);
    if (problems.length > 0) {
      failures++;
      console.log(`FAIL ${record.method} ${record.path} → ${record.status}: ${key}`);
      for (const p of problems) console.log(`  ${p}`);
    }
  }
}

const total = [...covered.values()].reduce((a, b) => a + b, 0);
console.log(`checked ${total} responses against ${path.basename(specPath)}; ` +
            `${failures} do not match`);
for (const [key, count] of [...covered.entries()].sort()) {
  console.log(`  ${key}: ${count}`);
}
process.exit(failures > 0 ? 1 : 0);
