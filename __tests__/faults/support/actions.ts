import { readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import path from "node:path";
import type { Portal } from "./portal";

/**
 * Server actions over plain HTTP, as the browser's router sends them: a POST to the page with the action's
 * id in the `Next-Action` header, an `Origin` matching the host (Next refuses others), and the arguments
 * encoded as React's `encodeReply` does for a FormData argument (the JSON list in part "0", the form's
 * fields prefixed with "_1_" and referenced as "$K1").
 */
export async function getPage(portal: Portal, path: string, cookie?: string) {
  const response = await fetch(`${portal.url}${path}`, { headers: cookie ? { Cookie: cookie } : {}, redirect: "manual" });
  return { status: response.status, headers: response.headers, html: await response.text() };
}

const decodeEntities = (value: string) =>
  value
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/**
 * The id of the action behind the form that holds `fieldName`, read from the progressive-enhancement fields
 * React renders in the HTML (`$ACTION_REF_n`, `$ACTION_n:0` = {"id": ..., "bound": ...}, or `$ACTION_ID_<id>`).
 */
export function actionIdOfForm(html: string, fieldName: string): string {
  const forms = html.match(/<form[\s\S]*?<\/form>/g) ?? [];
  const form = forms.find((candidate) => candidate.includes(`name="${fieldName}"`));
  if (!form) throw new Error(`No form with a field "${fieldName}" in the page`);
  const direct = form.match(/name="\$ACTION_ID_([0-9a-f]+)"/);
  if (direct?.[1]) return direct[1];
  const reference = form.match(/name="\$ACTION_\d+:0" value="([^"]+)"/);
  if (!reference?.[1]) throw new Error("The form carries no server action reference");
  return (JSON.parse(decodeEntities(reference[1])) as { id: string }).id;
}

export function fieldValue(html: string, fieldName: string): string | undefined {
  return html.match(new RegExp(`name="${fieldName}" value="([^"]*)"`))?.[1];
}

export interface ActionAnswer {
  status: number;
  /** Where the action redirected (`x-action-redirect`), if it did. */
  redirect: string | null;
  body: string;
  ms: number;
}

export async function postAction(
  portal: Portal,
  path: string,
  { actionId, cookie, args, form }: { actionId: string; cookie: string; args: unknown[]; form: Record<string, string> },
): Promise<ActionAnswer> {
  const body = new FormData();
  for (const [key, value] of Object.entries(form)) body.append(`_1_${key}`, value);
  // Last, as React sends it: the server resolves the root as soon as it arrives, with the fields read so far.
  body.set("0", JSON.stringify([...args, "$K1"]));
  const started = performance.now();
  const response = await fetch(`${portal.url}${path}`, {
    method: "POST",
    headers: { "Next-Action": actionId, Origin: portal.url, Cookie: cookie, Accept: "text/x-component" },
    body,
    redirect: "manual",
  });
  const text = await response.text();
  return { status: response.status, redirect: response.headers.get("x-action-redirect"), body: text, ms: performance.now() - started };
}

/** The id of a server action by its exported name, from the build's manifest (for forms that render no action field). */
export function actionIdByName(name: string): string {
  const manifest = JSON.parse(readFileSync(path.join(process.cwd(), ".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === name);
  if (!found) throw new Error(`No server action named ${name} in the build`);
  return found[0];
}

/**
 * Sends an action with node:http and calls `written` once the whole request has left for the server (its
 * answer is not awaited): the moment a crash test kills the server.
 */
export async function writeAction(
  portal: Portal,
  pathname: string,
  { actionId, cookie, args, form }: { actionId: string; cookie: string; args: unknown[]; form: Record<string, string> },
  written: () => void,
) {
  const formData = new FormData();
  for (const [key, value] of Object.entries(form)) formData.append(`_1_${key}`, value);
  formData.set("0", JSON.stringify([...args, "$K1"]));
  const encoded = new Request(portal.url, { method: "POST", body: formData });
  const body = Buffer.from(await encoded.arrayBuffer());
  const request = httpRequest(`${portal.url}${pathname}`, {
    method: "POST",
    headers: {
      "Next-Action": actionId,
      Origin: portal.url,
      Cookie: cookie,
      Accept: "text/x-component",
      "Content-Type": encoded.headers.get("content-type")!,
      "Content-Length": body.length,
    },
  });
  const answered = new Promise<number | Error>((resolve) => {
    request.on("response", (response) => resolve(response.statusCode ?? 0));
    request.on("error", resolve);
  });
  request.on("finish", written);
  request.end(body);
  return answered;
}
