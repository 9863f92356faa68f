'use strict';
/* npm's `prepare` script (run by `npm pack` and by `npm install ./bindings/node`, which packs
 * the folder with npm 9's default install-links=true): copy the built addon into the package,
 * so that the tarball, or the copy npm installs, carries it. The addon copied is the one the
 * checkout built: REPARATIONS_NODE_ADDON, else ../../build/bindings/node/reparations.node.
 * Outside a checkout (the build directory's copy of the package, an unpacked tarball) the
 * package's own reparations.node is used as it is. */
const fs = require('fs');
const path = require('path');

const pkg = __dirname;
const target = path.join(pkg, 'reparations.node');
const root = path.join(pkg, '..', '..');
const inCheckout = fs.existsSync(path.join(root, 'meson.build')) && fs.existsSync(path.join(root, 'include', 'reparations.h'));

let source = null;
if (process.env.REPARATIONS_NODE_ADDON) source = path.resolve(process.env.REPARATIONS_NODE_ADDON);
else if (inCheckout) source = path.join(root, 'build', 'bindings', 'node', 'reparations.node');

if (source === null) {
  if (fs.existsSync(target)) process.exit(0);
  console.error('reparations: this package has no reparations.node: set REPARATIONS_NODE_ADDON to a built addon');
  process.exit(1);
}
if (!fs.existsSync(source)) {
  console.error(`reparations: no built addon at ${source}: build it first in the source checkout ` +
    "(meson setup build && ninja -C build; the build needs Debian's libnode-dev), " +
    'or set REPARATIONS_NODE_ADDON to the path of a built reparations.node');
  process.exit(1);
}
if (path.resolve(source) !== target) fs.copyFileSync(source, target);
console.error(`reparations: using the addon built at ${source}`);
