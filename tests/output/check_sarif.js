#!/usr/bin/env node
// check_sarif.js FILE...: checks of leaklint's own on SARIF logs, for what the Multitool's schema
// pass does not look at: enum values, every result's ruleId against rules[ruleIndex], required
// rule metadata, GitHub's limits, the run-level properties leaklint promises (columnKind,
// %SRCROOT% as an absolute file URI ending in '/', an invocation). Prints each problem; exit 1
// when there is one.
'use strict';
const fs = require('fs');
let problems = 0;
const fail = (file, msg) => { problems++; console.log(`${file}: ${msg}`); };
for (const file of process.argv.slice(2)) {
  let log;
  try { log = JSON.parse(fs.readFileSync(file, 'utf8')); } catch (e) { fail(file, `not JSON: ${e.message}`); continue; }
  if (log.version !== '2.1.0') fail(file, `version is ${log.version}`);
  if (!/sarif-2\.1\.0(-rtm\.\d+)?\.json$/.test(log.$schema || '')) fail(file, `$schema is ${log.$schema}`);
  if (!Array.isArray(log.runs) || log.runs.length !== 1) { fail(file, 'expected exactly one run'); continue; }
  const run = log.runs[0];
  const driver = run.tool && run.tool.driver || {};
  for (const key of ['name', 'version', 'semanticVersion', 'informationUri'])
    if (!driver[key]) fail(file, `tool.driver.${key} is missing`);
  const rules = driver.rules || [];
  if (!rules.length) fail(file, 'tool.driver.rules is empty');
  const ids = new Set();
  rules.forEach((rule, i) => {
    if (!/^[a-z]+(-[a-z]+)*$/.test(rule.id)) fail(file, `rules[${i}].id ${rule.id} is not kebab-case`);
    if (ids.has(rule.id)) fail(file, `rules[${i}].id ${rule.id} appears twice`);
    ids.add(rule.id);
    for (const key of ['name', 'helpUri'])
      if (!rule[key]) fail(file, `rules[${i}].${key} is missing`);
    for (const key of ['shortDescription', 'fullDescription'])
      if (!rule[key] || !rule[key].text) fail(file, `rules[${i}].${key}.text is missing`);
    if (!rule.help || !rule.help.text || !rule.help.markdown) fail(file, `rules[${i}].help needs text and markdown`);
    const level = rule.defaultConfiguration && rule.defaultConfiguration.level;
    if (!['warning', 'error', 'note'].includes(level)) fail(file, `rules[${i}].defaultConfiguration.level is ${level}`);
    const props = rule.properties || {};
    if (!Array.isArray(props.tags) || !props.tags.length || props.tags.length > 20) fail(file, `rules[${i}].properties.tags must have 1 to 20 tags`);
    if (!['very-high', 'high', 'medium', 'low'].includes(props.precision)) fail(file, `rules[${i}].properties.precision is ${props.precision}`);
  });
  if (run.columnKind !== 'utf16CodeUnits') fail(file, `columnKind is ${run.columnKind}`);
  const root = run.originalUriBaseIds && run.originalUriBaseIds['%SRCROOT%'];
  if (!root || !/^file:\/\/\/.*\/$/.test(root.uri || '')) fail(file, `%SRCROOT% must be an absolute file URI ending in '/' (is ${root && root.uri})`);
  if (!Array.isArray(run.invocations) || run.invocations.length !== 1 || typeof run.invocations[0].executionSuccessful !== 'boolean')
    fail(file, 'expected one invocation with executionSuccessful');
  const results = run.results || [];
  if (results.length > 25000) fail(file, 'more than 25,000 results');
  results.forEach((r, i) => {
    const rule = rules[r.ruleIndex];
    if (!rule || rule.id !== r.ruleId) fail(file, `results[${i}]: ruleId ${r.ruleId} is not rules[${r.ruleIndex}]`);
    if (!['warning', 'error', 'note', 'none'].includes(r.level)) fail(file, `results[${i}].level is ${r.level}`);
    if (!r.message || !r.message.text) fail(file, `results[${i}] has no message text`);
    if (!Array.isArray(r.locations) || r.locations.length !== 1) { fail(file, `results[${i}] needs exactly one location`); return; }
    const pl = r.locations[0].physicalLocation || {};
    const art = pl.artifactLocation || {};
    if (!art.uri || /^[a-z]+:/.test(art.uri) && art.uriBaseId) fail(file, `results[${i}]: bad artifact location`);
    if (art.uriBaseId && art.uriBaseId !== '%SRCROOT%') fail(file, `results[${i}]: uriBaseId is ${art.uriBaseId}`);
    const reg = pl.region || {};
    for (const key of ['startLine', 'startColumn', 'endLine', 'endColumn'])
      if (!Number.isInteger(reg[key]) || reg[key] < 1) fail(file, `results[${i}].region.${key} is ${reg[key]}`);
    if (reg.endLine < reg.startLine || (reg.endLine === reg.startLine && reg.endColumn < reg.startColumn))
      fail(file, `results[${i}]: the region ends before it starts`);
    const fp = r.partialFingerprints && r.partialFingerprints['leaklintFingerprint/v1'];
    if (!/^[0-9a-f]{16}:[1-9][0-9]*$/.test(fp || '')) fail(file, `results[${i}]: partialFingerprints is ${JSON.stringify(r.partialFingerprints)}`);
  });
}
process.exit(problems ? 1 : 0);
