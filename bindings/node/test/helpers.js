'use strict';
/* Shared by the binding's tests: where things are, and the CLI to check against. */
const { execFileSync } = require('child_process');
const path = require('path');

const ROOT = process.env.REPARATIONS_SOURCE_ROOT || path.resolve(__dirname, '..', '..', '..');
const BIN = process.env.REPARATIONS_BIN || path.join(ROOT, 'build', 'tools', 'reparations');

/* The CLI's JSON output for these arguments. */
function cli(...args) {
  return JSON.parse(execFileSync(BIN, [...args, '--format', 'json'], { encoding: 'utf8', maxBuffer: 64 << 20 }));
}

module.exports = { ROOT, BIN, cli, rep: require('..'), casePath: (...p) => path.join(ROOT, ...p) };
