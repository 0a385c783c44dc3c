/**
 * Who may use the desk. Bound to any other address than 127.0.0.1 the studio needs per-editor
 * tokens (DIGEST_DESK_TOKEN_<ID>): it refuses to start without one and says so when it starts.
 * The test binds 127.0.0.2 - another address as far as the studio's rule goes, and still loopback,
 * so nothing leaves the machine - and goes through the token path as a browser and as raw HTTP:
 * sign-in, the HttpOnly SameSite=Strict cookie, CSRF tokens, cross-site POSTs, the Host check.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, screenshotPath } from "../support/chromium.js";
import { runCliInProcess } from "../support/run-cli-in-process.js";
import { ROOT } from "../support/run-digest.js";
import { type StudioProcess, startStudioProcess } from "../support/studio-process.js";

const FIXTURES = join(ROOT, "test/fixtures/schedule");
const DATE = "2027-03-28";
const HOST = "127.0.0.2";
const ANNA_TOKEN = "anna-desk-token-0123456789abcdef";

let dir: string;
let studio: StudioProcess;
let browser: Browser;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "digest-desk-access-"));
  await cp(join(FIXTURES, "march"), join(dir, "inputs"), { recursive: true });
  const base = JSON.parse(await readFile(join(FIXTURES, "digest.config.json"), "utf8"));
  const editors = [
    { id: "anna", name: "Anna Schmidt" },
    { id: "ben", name: "Ben Wagner" },
  ];
  await writeFile(
    join(dir, "digest.config.json"),
    JSON.stringify({ ...base, inputs: ["inputs"], review: { editors, mode: "required" } }),
  );
  [studio, browser] = await Promise.all([
    startStudioProcess(["--port", "0", "--host", HOST, "--date", DATE], {
      cwd: dir,
      env: { DIGEST_DESK_TOKEN_ANNA: ANNA_TOKEN },
    }),
    launchChromium(),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await studio?.stop();
  await rm(dir, { recursive: true, force: true });
});

/** A raw HTTP request with the headers a test chooses (fetch would not let it set Host). */
function send(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const url = new URL(studio.url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: HOST,
        port: url.port,
        path,
        method: options.method ?? "GET",
        headers: {
          host: url.host,
          ...(options.body === undefined ? {} : { "content-type": "application/x-www-form-urlencoded" }),
          ...options.headers,
        },
      },
      (response) => {
        let body = "";
        response.setEncoding("utf8").on("data", (chunk: string) => {
          body += chunk;
        });
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
        );
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

async function signInAsAnna(): Promise<{ cookie: string; csrf: string }> {
  const login = await send("/desk/login", {
    method: "POST",
    body: new URLSearchParams({ editor: "anna", token: ANNA_TOKEN, next: "/desk" }).toString(),
  });
  expect(login.status).toBe(303);
  const setCookie = String(login.headers["set-cookie"]);
  expect(setCookie).toMatch(/^digest_desk=[\w-]+; Path=\/; HttpOnly; SameSite=Strict; Max-Age=\d+$/);
  const cookie = setCookie.split(";")[0] ?? "";
  const desk = await send(`/desk?date=${DATE}`, { headers: { cookie } });
  expect(desk.status).toBe(200);
  const csrf = /name="csrf" value="([^"]+)"/.exec(desk.body)?.[1] ?? "";
  expect(csrf).not.toBe("");
  return { cookie, csrf };
}

describe("the studio off 127.0.0.1 needs editor tokens", () => {
  it("refuses to start without a token, naming the variables (exit 2, one line)", async () => {
    const run = await runCliInProcess(
      ["preview", "--serve", "--host", HOST, "--port", "0", "--config", join(dir, "digest.config.json")],
      { cwd: dir, env: {} },
    );
    expect(run.code).toBe(2);
    const lines = run.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(
      `the studio on ${HOST} needs an editor token - set DIGEST_DESK_TOKEN_ANNA or DIGEST_DESK_TOKEN_BEN`,
    );
  });

  it("says at start that pages need a token, and who has none", async () => {
    expect(studio.url).toMatch(/^http:\/\/127\.0\.0\.2:\d+\/$/);
    // stderr and stdout are separate pipes: the warning, written first, may arrive after the URL.
    for (let tries = 0; tries < 100 && !studio.output().stderr.includes("bound to"); tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const stderr = studio.output().stderr;
    expect(stderr).toContain(`the studio is bound to "${HOST}", not 127.0.0.1`);
    expect(stderr).toContain("DIGEST_DESK_TOKEN_ANNA set; no token (cannot sign in): DIGEST_DESK_TOKEN_BEN");
    expect(stderr).not.toContain(ANNA_TOKEN);
  });

  it("sends every page, the preview too, to the sign-in first", async () => {
    for (const path of ["/", "/email.html", `/desk?date=${DATE}`, "/edition.json"]) {
      const response = await send(path);
      expect(response.status, path).toBe(303);
      expect(response.headers.location).toBe(`/desk/login?next=${encodeURIComponent(path)}`);
    }
    expect((await send("/desk/save", { method: "POST", body: "csrf=x" })).status).toBe(401);
  });

  it("signs in only with the editor's own token", async () => {
    const attempts = [
      { editor: "anna", token: `${ANNA_TOKEN}x` },
      { editor: "anna", token: "" },
      { editor: "ben", token: ANNA_TOKEN },
      { editor: "mallory", token: ANNA_TOKEN },
    ];
    for (const fields of attempts) {
      const response = await send("/desk/login", {
        method: "POST",
        body: new URLSearchParams({ ...fields, next: "/desk" }).toString(),
      });
      expect(response.status, JSON.stringify(fields)).toBe(401);
      expect(response.headers["set-cookie"]).toBeUndefined();
      expect(response.body).toContain("Name oder Zugangsschlüssel stimmt nicht.");
    }
    const { cookie } = await signInAsAnna();
    const studioPage = await send("/", { headers: { cookie } });
    expect(studioPage.status).toBe(200);
    expect(studioPage.body).toContain("digest studio");
  });

  it("refuses a POST without the session's CSRF token, from another site, or to another Host", async () => {
    const { cookie, csrf } = await signInAsAnna();
    const hold = (extra: Record<string, string>, headers: Record<string, string> = {}) =>
      send(`/desk/hold?date=${DATE}`, {
        method: "POST",
        headers: { cookie, ...headers },
        body: new URLSearchParams({ version: "1", reason: "Test", ...extra }).toString(),
      });
    expect((await hold({})).status).toBe(403);
    expect((await hold({ csrf: `${csrf}x` })).status).toBe(403);
    expect((await hold({ csrf }, { origin: "http://evil.test" })).status).toBe(403);
    expect((await hold({ csrf }, { "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect((await hold({ csrf }, { host: `evil.test:${new URL(studio.url).port}` })).status).toBe(403);
    const draft = await send(`/desk/draft.json?date=${DATE}`, { headers: { cookie } });
    expect(JSON.parse(draft.body)).toMatchObject({ state: "proposed", held: null });
  });

  it("a browser signs in with the token and works at the desk", async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(`${studio.url}desk?date=${DATE}`);
    await page.getByLabel("Redakteurin / Redakteur").selectOption("anna");
    await page.getByLabel("Zugangsschlüssel").fill(ANNA_TOKEN);
    await page.screenshot({ path: screenshotPath("desk-login-token") });
    await page.getByRole("button", { name: "Anmelden" }).click();
    await page.locator("#edit").waitFor();
    expect(await page.locator("#editor").textContent()).toBe("Anna Schmidt");
    await page.getByLabel("Betreff").fill("Betreff vom Desk auf 127.0.0.2");
    await page.getByRole("button", { name: "Speichern" }).click();
    await page.locator("#notice.saved").waitFor();
    const log = await page.locator("#log").textContent();
    expect(log).toContain("Betreff vom Desk auf 127.0.0.2");
    expect(log).toContain("Anna Schmidt");
    await page.getByRole("button", { name: "Abmelden" }).click();
    expect(new URL(page.url()).pathname).toBe("/desk/login");
    await page.goto(`${studio.url}desk?date=${DATE}`);
    expect(new URL(page.url()).pathname).toBe("/desk/login");
    await page.close();
  });
});
