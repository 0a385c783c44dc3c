/**
 * Builds dist/ once before the suite, so end-to-end tests run the CLI exactly as the installed
 * `digest` binary would. Type errors do not stop the build (tsc still emits, and `npm run
 * typecheck` is the gate for them), so a unit-test run is never blocked by another module's types.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export default function setup(): void {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const result = spawnSync(
    process.execPath,
    ["node_modules/typescript/bin/tsc", "-p", "tsconfig.build.json"],
    {
      cwd: root,
      encoding: "utf8",
    },
  );
  if (result.status !== 0) {
    process.stderr.write(
      `global-setup: tsc reported errors (dist/ built anyway):\n${result.stdout.slice(0, 2000)}\n`,
    );
  }
}
