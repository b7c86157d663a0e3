#!/usr/bin/env bash
# Copy the pinned chart libraries (package.json + package-lock.json) into theme/static/vendor/, with
# their licences. The copies are committed: building or serving the site never needs npm or a CDN.
# Run after changing a version in package.json: `npm install --package-lock-only` then this script.
set -euo pipefail
cd "$(dirname "$0")/.."

npm ci --ignore-scripts --no-audit --no-fund --silent

vendor=theme/static/vendor
rm -rf "$vendor/vega"
mkdir -p "$vendor/vega"
cp node_modules/vega/build/vega.min.js "$vendor/vega/vega.min.js"
# No vega-lite.min.js: charts are compiled from Vega-Lite to Vega at build time (charts/render.py),
# so the browser needs vega + vega-embed only (~250 KB less for every reader who asks for a chart).
cp node_modules/vega-embed/build/vega-embed.min.js "$vendor/vega/vega-embed.min.js"
# The builds carry a sourceMappingURL to files we do not ship: drop it (no 404 in the console).
sed -i -E '/^\/\/# sourceMappingURL=.*$/d' "$vendor"/vega/*.js

# vega-tooltip's default style, as a file: injecting it as a <style> element would break the
# Content-Security-Policy (style-src 'self'), so charts.js passes disableDefaultStyle and links this.
# Overrides: readable size, the page's font, key colour at 4.5:1 contrast.
node - "$vendor/vega/vega-tooltip.css" <<'NODE'
const fs = require("fs");
const source = fs.readFileSync("node_modules/vega-tooltip/build/index.js", "utf8");
const style = source.match(/var defaultStyle = `([\s\S]*?)`;/)[1];
const overrides = `
/* Site overrides (scripts/vendor_js.sh) */
#vg-tooltip-element { font-family: inherit; font-size: 0.875rem; color: #1e1e1e; }
#vg-tooltip-element table tr td.key { color: #595959; }
`;
fs.writeFileSync(process.argv[2], "/* vega-tooltip default style (BSD-3-Clause, see LICENSES.txt) */\n" + style + overrides);
NODE

# Licences of every package in the production dependency tree (the minified builds bundle them).
node - "$vendor/vega" <<'NODE'
const fs = require("fs");
const path = require("path");
const target = process.argv[2];
const lock = JSON.parse(fs.readFileSync("package-lock.json", "utf8"));
const versions = [];
let text = "Licences of the libraries bundled in vega.min.js and vega-embed.min.js (and of vega-lite, whose compiler the build runs)\n";
for (const [where, info] of Object.entries(lock.packages)) {
  if (!where || info.dev) continue;
  const folder = path.join(where);
  const files = fs.readdirSync(folder).filter((name) => /^(licen[cs]e|copying)/i.test(name));
  const name = where.replace(/^.*node_modules\//, "");
  versions.push(`${name}@${info.version} (${info.license || "see licence"})`);
  for (const file of files) {
    text += `\n\n==== ${name}@${info.version} — ${file} ====\n\n` + fs.readFileSync(path.join(folder, file), "utf8");
  }
}
fs.writeFileSync(path.join(target, "LICENSES.txt"), text);
fs.writeFileSync(path.join(target, "VERSIONS.txt"), versions.sort().join("\n") + "\n");
NODE
ls -l "$vendor/vega"
