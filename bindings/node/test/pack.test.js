'use strict';
/* The npm package, offline: `npm pack` makes a tarball that carries the addon and installs;
 * `npm install ./bindings/node` in a checkout whose build directory is `build/` works without
 * any environment variable; and without a built addon the install fails, saying why. */
const test = require('node:test');
const assert = require('node:assert/strict');
const { execFileSync, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { ROOT, BIN } = require('./helpers');

const NPM = process.env.REPARATIONS_NPM;
const ADDON = process.env.REPARATIONS_NODE_ADDON;
const BUILD_PKG = path.dirname(ADDON); // the build directory's copy of the package
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rep-npm-'));
test.after(() => fs.rmSync(tmp, { recursive: true, force: true }));

/* The environment without REPARATIONS_NODE_ADDON: what a user's app sees. */
function userEnv() {
  const env = { ...process.env, npm_config_cache: path.join(tmp, 'cache'), npm_config_update_notifier: 'false' };
  delete env.REPARATIONS_NODE_ADDON;
  return env;
}

function npm(args, cwd) {
  const r = spawnSync(NPM, [...args, '--offline', '--no-audit', '--no-fund'], { cwd, env: userEnv(), encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}\n${r.stderr}` };
}

function app(name) {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name, version: '1.0.0', private: true }));
  return dir;
}

/* In the app: require('reparations'), estimate the bundled case, return [addon path, total]. */
function runIn(dir) {
  const code = "const r = require('reparations'); const e = r.estimateSync(process.argv[1], 'kz-cpc'); " +
    'console.log(JSON.stringify([r.addonPath(), e.total]));';
  const out = execFileSync(process.execPath, ['-e', code, path.join(ROOT, 'examples', 'cases', 'acquitted-kz.json')],
    { cwd: dir, env: userEnv(), encoding: 'utf8' });
  return JSON.parse(out);
}

const cliTotal = () => JSON.parse(execFileSync(BIN, ['estimate', path.join(ROOT, 'examples', 'cases', 'acquitted-kz.json'),
  '--scheme', 'kz-cpc', '--format', 'json'], { encoding: 'utf8' })).estimates[0].total;

/* A checkout: the package's source files with meson.build and the header beside, and (when
 * `built`) the addon at build/bindings/node/reparations.node, as `meson setup build` puts it. */
function checkout(name, built) {
  const co = path.join(tmp, name);
  const pkg = path.join(co, 'bindings', 'node');
  fs.mkdirSync(pkg, { recursive: true });
  fs.mkdirSync(path.join(co, 'include'));
  fs.writeFileSync(path.join(co, 'meson.build'), '');
  fs.writeFileSync(path.join(co, 'include', 'reparations.h'), '');
  for (const f of ['index.js', 'index.d.ts', 'package.json', 'README.md', 'stage-addon.js']) {
    fs.copyFileSync(path.join(ROOT, 'bindings', 'node', f), path.join(pkg, f));
  }
  if (built) {
    fs.mkdirSync(path.join(co, 'build', 'bindings', 'node'), { recursive: true });
    fs.copyFileSync(ADDON, path.join(co, 'build', 'bindings', 'node', 'reparations.node'));
  }
  return pkg;
}

test('npm is there (CI installs Debian\'s npm)', () => {
  assert.ok(NPM, 'npm was not found when meson configured the build: apt-get install npm');
});

test('npm pack makes a tarball with the addon, and it installs offline', () => {
  const r = npm(['pack', '--pack-destination', tmp], BUILD_PKG);
  assert.equal(r.status, 0, r.out);
  const tgz = path.join(tmp, 'reparations-0.1.0.tgz');
  assert.ok(fs.existsSync(tgz), r.out);
  const files = execFileSync('tar', ['tzf', tgz], { encoding: 'utf8' }).split('\n');
  for (const f of ['package/reparations.node', 'package/index.js', 'package/index.d.ts', 'package/package.json']) {
    assert.ok(files.includes(f), `${f} not in the tarball: ${files.join(' ')}`);
  }
  const dir = app('from-tarball');
  const i = npm(['install', tgz], dir);
  assert.equal(i.status, 0, i.out);
  const [addon, total] = runIn(dir);
  assert.equal(addon, path.join(dir, 'node_modules', 'reparations', 'reparations.node'));
  assert.equal(total, cliTotal());
});

test('npm install ./bindings/node in a built checkout works with no environment variable', () => {
  const pkg = checkout('checkout', true);
  const dir = app('from-folder');
  const i = npm(['install', pkg], dir);
  assert.equal(i.status, 0, i.out);
  const [, total] = runIn(dir);
  assert.equal(total, cliTotal());
  // and npm pack in the checkout's package folder packs the built addon
  const r = npm(['pack', '--pack-destination', path.join(tmp, 'checkout')], pkg);
  assert.equal(r.status, 0, r.out);
  const files = execFileSync('tar', ['tzf', path.join(tmp, 'checkout', 'reparations-0.1.0.tgz')], { encoding: 'utf8' });
  assert.match(files, /^package\/reparations\.node$/m);
});

test('npm install ./bindings/node before the build fails and says how to build', () => {
  const pkg = checkout('unbuilt', false);
  const dir = app('unbuilt-app');
  const i = npm(['install', pkg], dir);
  if (i.status === 0) {
    // npm versions that link the folder without running its scripts: the require says it
    const r = spawnSync(process.execPath, ['-e', "require('reparations')"], { cwd: dir, env: userEnv(), encoding: 'utf8' });
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /was not found .*meson setup build && ninja -C build/);
  } else {
    assert.match(i.out, /no built addon at .*meson setup build && ninja -C build/);
  }
});
