// Copies the distributable files of the npm packages into wwwroot/lib (run by the build).
import { cpSync, mkdirSync, writeFileSync } from "node:fs";

const copies = [
  ["node_modules/bootstrap/dist/css/bootstrap.min.css", "wwwroot/lib/bootstrap/bootstrap.min.css"],
  ["node_modules/bootstrap/dist/js/bootstrap.bundle.min.js", "wwwroot/lib/bootstrap/bootstrap.bundle.min.js"],
  ["node_modules/bootstrap-icons/font/bootstrap-icons.min.css", "wwwroot/lib/bootstrap-icons/bootstrap-icons.min.css"],
  ["node_modules/bootstrap-icons/font/fonts", "wwwroot/lib/bootstrap-icons/fonts"],
  ["node_modules/chart.js/dist/chart.umd.min.js", "wwwroot/lib/chart.js/chart.umd.min.js"],
];
for (const [from, to] of copies) {
  mkdirSync(to.substring(0, to.lastIndexOf("/")), { recursive: true });
  cpSync(from, to, { recursive: true });
}
writeFileSync("wwwroot/lib/.restored", new Date().toISOString());
