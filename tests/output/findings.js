#!/usr/bin/env node
// findings.js FORMAT FILE: the findings of a leaklint report (FORMAT text, json or sarif), one
// per line in report order, as `ABSOLUTE-PATH LINE COLUMN SEVERITY RULE` separated by tabs, so
// that reports in different formats can be compared with diff. Paths are resolved against the
// current directory; SARIF URIs against their uriBaseId in originalUriBaseIds, percent-decoded.
// The text format's `note:` lines (a finding's trace) are not findings.
// Exits 1 on a report it cannot read (a text line that leaklint's GitHub matcher does not match).
'use strict';
const fs = require('fs');
const path = require('path');
const { fileURLToPath } = require('url');

const [format, file] = process.argv.slice(2);
const report = fs.readFileSync(file, 'utf8');
const rows = [];
const row = (file, line, column, severity, rule) =>
  rows.push([path.resolve(file), line, column, severity, rule].join('\t'));

if (format === 'text') {
  const matcher = /^(.*?):(\d+):(\d+):\s+(warning|error):\s+(.*\[([a-z0-9]+(?:-[a-z0-9]+)*)\])$/;
  for (const line of report.split('\n').filter(Boolean)) {
    if (/^.*?:\d+:\d+: note: /.test(line)) continue; // a step of the previous finding's trace
    const m = matcher.exec(line);
    if (!m) {
      console.error(`findings.js: not a finding: ${JSON.stringify(line)}`);
      process.exit(1);
    }
    row(m[1], +m[2], +m[3], m[4], m[6]);
  }
} else if (format === 'json') {
  for (const f of JSON.parse(report)) row(f.path, f.line, f.column, f.severity, f.rule);
} else if (format === 'sarif') {
  const run = JSON.parse(report).runs[0];
  for (const r of run.results) {
    const { artifactLocation: art, region } = r.locations[0].physicalLocation;
    const base = art.uriBaseId ? run.originalUriBaseIds[art.uriBaseId].uri : undefined;
    row(fileURLToPath(new URL(art.uri, base)), region.startLine, region.startColumn, r.level, r.ruleId);
  }
} else {
  console.error('usage: findings.js text|json|sarif FILE');
  process.exit(2);
}
if (rows.length) console.log(rows.join('\n'));
