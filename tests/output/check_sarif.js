#!/usr/bin/env node
// check_sarif.js SCHEMA FILE...: leaklint's own checks of SARIF logs, for what the SARIF
// Multitool does not reliably look at (it skips enum values and string formats on many logs):
//  1. the SARIF 2.1.0 JSON schema SCHEMA (the copy inside the Multitool package), with a small
//     validator of the keywords that schema uses: types, required, additionalProperties, enum,
//     minimum, minItems, uniqueItems, pattern, formats (uri, uri-reference: percent-encoding);
//  2. what leaklint promises on top: every rule described with id, name, short and full
//     description, help text and Markdown, helpUri, default level, tags, category and precision;
//     every result's ruleId equal to rules[ruleIndex].id, one location with a complete region
//     that does not end before it starts, a partialFingerprint; columnKind utf16CodeUnits; %SRCROOT% an
//     absolute file URI ending in '/'; one invocation; GitHub's upload limits.
// Prints one line per problem, `FILE: JSON.PATH: problem`; exits 1 when there is one.
'use strict';
const fs = require('fs');

const [schemaFile, ...files] = process.argv.slice(2);
if (!schemaFile || !files.length) {
  console.error('usage: check_sarif.js SCHEMA FILE...');
  process.exit(2);
}
const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8'));

// RFC 3986: what may appear unencoded in a URI; '%' only as %XX.
const uriChars = /^(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/;
const formats = {
  'uri': (s) => /^[A-Za-z][A-Za-z0-9+.-]*:/.test(s) && uriChars.test(s),
  'uri-reference': (s) => uriChars.test(s),
  'date-time': (s) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/i.test(s),
  'uuid': (s) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s),
};

function typeOf(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (Number.isInteger(value)) return 'integer';
  return typeof value;
}

function resolveRef(ref) {
  if (!ref.startsWith('#/')) throw new Error(`unsupported $ref ${ref}`);
  return ref.slice(2).split('/').reduce((node, key) => node[key.replace(/~1/g, '/').replace(/~0/g, '~')], schema);
}

// Appends to `errors` every way `value` at `where` breaks schema `s`.
function validate(s, value, where, errors) {
  if (s === true || s === undefined) return;
  if (s === false) return errors.push(`${where}: not allowed`);
  if (s.$ref) validate(resolveRef(s.$ref), value, where, errors);
  const type = typeOf(value);
  if (s.type) {
    const types = [].concat(s.type);
    if (!types.includes(type) && !(type === 'integer' && types.includes('number')))
      return errors.push(`${where}: is ${type}, must be ${types.join(' or ')}`);
  }
  if (s.enum && !s.enum.some((e) => JSON.stringify(e) === JSON.stringify(value)))
    errors.push(`${where}: ${JSON.stringify(value)} is not one of ${JSON.stringify(s.enum)}`);
  if (typeof value === 'number') {
    if (s.minimum !== undefined && value < s.minimum) errors.push(`${where}: ${value} < ${s.minimum}`);
    if (s.maximum !== undefined && value > s.maximum) errors.push(`${where}: ${value} > ${s.maximum}`);
  }
  if (typeof value === 'string') {
    if (s.pattern && !new RegExp(s.pattern, 'u').test(value)) errors.push(`${where}: does not match ${s.pattern}`);
    if (s.format && formats[s.format] && !formats[s.format](value))
      errors.push(`${where}: ${JSON.stringify(value)} is not a valid ${s.format}`);
  }
  if (type === 'array') {
    if (s.minItems !== undefined && value.length < s.minItems) errors.push(`${where}: fewer than ${s.minItems} items`);
    if (s.uniqueItems && new Set(value.map((v) => JSON.stringify(v))).size !== value.length)
      errors.push(`${where}: items are not unique`);
    if (s.items) value.forEach((v, i) => validate(s.items, v, `${where}[${i}]`, errors));
  }
  if (type === 'object') {
    for (const key of s.required || [])
      if (!(key in value)) errors.push(`${where}: required property '${key}' is missing`);
    for (const [key, v] of Object.entries(value)) {
      if (s.properties && key in s.properties) validate(s.properties[key], v, `${where}.${key}`, errors);
      else if (s.additionalProperties !== undefined) validate(s.additionalProperties, v, `${where}.${key}`, errors);
    }
  }
  for (const [keyword, count] of [['anyOf', (n) => n >= 1], ['oneOf', (n) => n === 1]]) {
    if (!s[keyword]) continue;
    const passing = s[keyword].filter((sub) => { const e = []; validate(sub, value, where, e); return !e.length; }).length;
    if (!count(passing)) errors.push(`${where}: matches ${passing} of the ${keyword} schemas`);
  }
}

let problems = 0;
for (const file of files) {
  const fail = (msg) => { problems++; console.log(`${file}: ${msg}`); };
  let log;
  try {
    log = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    fail(`not JSON: ${e.message}`);
    continue;
  }
  const errors = [];
  validate(schema, log, 'log', errors);
  errors.forEach((e) => fail(`schema: ${e}`));

  if (log.$schema !== 'https://json.schemastore.org/sarif-2.1.0.json') fail(`$schema is ${log.$schema}`);
  if (log.version !== '2.1.0') fail(`version is ${log.version}`);
  if (!Array.isArray(log.runs) || log.runs.length !== 1) { fail('expected exactly one run'); continue; }
  const run = log.runs[0];
  const driver = (run.tool && run.tool.driver) || {};
  if (driver.name !== 'leaklint') fail(`tool.driver.name is ${driver.name}`);
  for (const key of ['version', 'semanticVersion', 'informationUri'])
    if (!driver[key]) fail(`tool.driver.${key} is missing`);
  if (!/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(driver.semanticVersion || '')) fail(`semanticVersion ${driver.semanticVersion} is not semver`);
  const rules = driver.rules || [];
  if (!rules.length) fail('tool.driver.rules is empty');
  const ids = new Set();
  rules.forEach((rule, i) => {
    const at = `rules[${i}]`;
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(rule.id || '')) fail(`${at}.id ${rule.id} is not kebab-case`);
    if (ids.has(rule.id)) fail(`${at}.id ${rule.id} appears twice`);
    ids.add(rule.id);
    if (!/^[A-Z][A-Za-z0-9]*$/.test(rule.name || '')) fail(`${at}.name ${rule.name} is not PascalCase`);
    if (!/^https?:\/\//.test(rule.helpUri || '')) fail(`${at}.helpUri is ${rule.helpUri}`);
    for (const key of ['shortDescription', 'fullDescription'])
      if (!rule[key] || !rule[key].text) fail(`${at}.${key}.text is missing`);
    if (rule.shortDescription && !/\.$/.test(rule.shortDescription.text || '')) fail(`${at}.shortDescription is not a sentence`);
    if (!rule.help || !rule.help.text || !rule.help.markdown) fail(`${at}.help needs text and markdown`);
    const level = rule.defaultConfiguration && rule.defaultConfiguration.level;
    if (!['warning', 'error'].includes(level)) fail(`${at}.defaultConfiguration.level is ${level}`);
    const props = rule.properties || {};
    if (!Array.isArray(props.tags) || !props.tags.length || props.tags.length > 20) fail(`${at}.properties.tags must have 1 to 20 tags`);
    if (!['very-high', 'high', 'medium', 'low'].includes(props.precision)) fail(`${at}.properties.precision is ${props.precision}`);
    if (!['globals', 'listeners', 'closures', 'resources', 'analysis'].includes(props.category) ||
        !(props.tags || []).includes(props.category))
      fail(`${at}.properties.category ${props.category} is not a category that is also a tag`);
  });
  if (run.columnKind !== 'utf16CodeUnits') fail(`columnKind is ${run.columnKind}`);
  const root = run.originalUriBaseIds && run.originalUriBaseIds['%SRCROOT%'];
  if (!root || !/^file:\/\/\/(.*\/)?$/.test(root.uri || '')) fail(`%SRCROOT% must be an absolute file URI ending in '/' (is ${root && root.uri})`);
  if (!Array.isArray(run.invocations) || run.invocations.length !== 1 || typeof run.invocations[0].executionSuccessful !== 'boolean')
    fail('expected one invocation with executionSuccessful');
  const checkArtifact = (at, art) => {
    if (!art || !art.uri) return fail(`${at}: no artifactLocation.uri`);
    const absolute = /^[A-Za-z][A-Za-z0-9+.-]*:/.test(art.uri);
    if (absolute && (art.uriBaseId || !art.uri.startsWith('file:///'))) fail(`${at}: ${art.uri} must be a file:/// URI without a base`);
    if (!absolute && art.uriBaseId !== '%SRCROOT%') fail(`${at}: relative ${art.uri} needs uriBaseId %SRCROOT% (has ${art.uriBaseId})`);
    // "../" only as a prefix (a file outside %SRCROOT%), never "./" or a ".." further in.
    if (!absolute && /(^|\/)\.(\/|$)|(^|\/)\.\.(\/|$)/.test(art.uri.replace(/^(\.\.\/)+/, '')))
      fail(`${at}: ${art.uri} has a dot segment`);
  };
  ((run.invocations && run.invocations[0].toolExecutionNotifications) || []).forEach((n, i) => {
    const at = `toolExecutionNotifications[${i}]`;
    if (!['error', 'warning'].includes(n.level)) fail(`${at}.level is ${n.level}`);
    if (!n.message || !n.message.text) fail(`${at} has no message text`);
    checkArtifact(at, n.locations && n.locations[0] && n.locations[0].physicalLocation && n.locations[0].physicalLocation.artifactLocation);
  });
  const results = run.results;
  if (!Array.isArray(results)) { fail('results is missing'); continue; }
  if (results.length > 25000) fail('more than 25,000 results');
  results.forEach((r, i) => {
    const at = `results[${i}]`;
    const rule = rules[r.ruleIndex];
    if (!rule || rule.id !== r.ruleId) fail(`${at}: ruleId ${r.ruleId} is not rules[${r.ruleIndex}]`);
    if (!['warning', 'error'].includes(r.level)) fail(`${at}.level is ${r.level}`);
    if (!r.message || !/\.$/.test(r.message.text || '')) fail(`${at}: message text missing or not a sentence`);
    if (!Array.isArray(r.locations) || r.locations.length !== 1) return fail(`${at} needs exactly one location`);
    const pl = r.locations[0].physicalLocation || {};
    checkArtifact(at, pl.artifactLocation);
    const reg = pl.region || {};
    for (const key of ['startLine', 'startColumn', 'endLine', 'endColumn'])
      if (!Number.isInteger(reg[key]) || reg[key] < 1) fail(`${at}.region.${key} is ${reg[key]}`);
    if (reg.endLine < reg.startLine || (reg.endLine === reg.startLine && reg.endColumn < reg.startColumn))
      fail(`${at}: the region ends before it starts`);
    const fp = r.partialFingerprints && r.partialFingerprints['leaklintFingerprint/v1'];
    if (!/^[0-9a-f]{16}:[1-9][0-9]*$/.test(fp || '')) fail(`${at}: partialFingerprints is ${JSON.stringify(r.partialFingerprints)}`);
    // The confidence: rank 90 for high, 50 for medium, and the same word as properties.precision.
    const precision = r.properties && r.properties.precision;
    if (!({ high: 90, medium: 50 })[precision] || r.rank !== ({ high: 90, medium: 50 })[precision])
      fail(`${at}: rank ${r.rank} and properties.precision ${precision} do not give a confidence`);
  });
}
process.exit(problems ? 1 : 0);
