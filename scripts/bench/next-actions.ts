/**
 * Calling the portal's server actions over HTTP the way the browser does (React's `encodeReply` over a
 * `fetch` with the `Next-Action` header), from what the server-rendered page exposes. Pure helpers.
 */

export interface RenderedForm {
  /** The server action id the form posts to, when it posts to one. */
  actionId: string | null;
  /** Names of the form's fields (inputs, selects, text areas), hidden ones included. */
  fieldNames: string[];
}

const decodeEntities = (value: string) =>
  value
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/**
 * The forms of a server-rendered page and the action each posts to. React renders an action form either
 * with a hidden `$ACTION_ID_<id>` field (plain action) or with `$ACTION_<n>:0` = `{"id": ..., "bound": ...}`
 * (an action bound to arguments, or one driven by useActionState).
 */
export function renderedForms(html: string): RenderedForm[] {
  const forms: RenderedForm[] = [];
  for (const match of html.matchAll(/<form\b[\s\S]*?<\/form>/g)) {
    const form = match[0];
    const fieldNames = [...form.matchAll(/<(?:input|select|textarea)\b[^>]*?\bname="([^"]+)"/g)].map((field) => decodeEntities(field[1]!));
    let actionId = fieldNames.find((name) => name.startsWith("$ACTION_ID_"))?.slice("$ACTION_ID_".length) ?? null;
    if (!actionId) {
      const bound = /name="\$ACTION_\d+:0" value="([^"]*)"/.exec(form);
      if (bound) {
        const parsed: unknown = JSON.parse(decodeEntities(bound[1]!));
        if (parsed && typeof parsed === "object" && "id" in parsed && typeof parsed.id === "string") actionId = parsed.id;
      }
    }
    forms.push({ actionId, fieldNames });
  }
  return forms;
}

/** The action of the page's form that has a field of that name (e.g. the sign-in form has `login`). */
export function actionOfFormWith(html: string, fieldName: string): string {
  const form = renderedForms(html).find((candidate) => candidate.actionId && candidate.fieldNames.includes(fieldName));
  if (!form?.actionId) throw new Error(`Aucun formulaire avec le champ « ${fieldName} » et une server action dans la page.`);
  return form.actionId;
}

type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * The body React's `encodeReply` sends for `action(...args, formData)`: the form's fields under the
 * `_1_` prefix first, then the root `[...args, "$K1"]` under `0`. The order matters: the server resolves
 * the root as soon as it arrives and only sees the fields already read.
 */
export function actionReply(args: JsonValue[], fields: [string, string | Blob][]): FormData {
  const body = new FormData();
  for (const [name, value] of fields) body.append(`_1_${name}`, value);
  body.append("0", JSON.stringify([...args, "$K1"]));
  return body;
}

/** The same reply as raw multipart bytes (text fields only), for a load generator that replays a fixed body. */
export function multipartActionReply(
  args: JsonValue[],
  fields: [string, string][],
  boundary = "----EspaceFamilleBench",
): { body: Buffer; contentType: string } {
  const parts = [...fields.map(([name, value]) => [`_1_${name}`, value] as const), ["0", JSON.stringify([...args, "$K1"])] as const];
  const text =
    parts.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`).join("") +
    `--${boundary}--\r\n`;
  return { body: Buffer.from(text, "utf8"), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Headers of a browser's action call (the Origin must be the portal's own: Next refuses others). */
export function actionHeaders(baseUrl: string, actionId: string, cookie?: string): Record<string, string> {
  return {
    Origin: new URL(baseUrl).origin,
    "Next-Action": actionId,
    Accept: "text/x-component",
    ...(cookie ? { Cookie: cookie } : {}),
  };
}

/** `name=value` pairs of Set-Cookie headers, merged into a jar (later ones win). */
export function mergeCookies(jar: Map<string, string>, setCookies: readonly string[]): Map<string, string> {
  for (const header of setCookies) {
    const pair = header.split(";", 1)[0] ?? "";
    const equals = pair.indexOf("=");
    if (equals <= 0) continue;
    jar.set(pair.slice(0, equals).trim(), pair.slice(equals + 1).trim());
  }
  return jar;
}

export const cookieHeader = (jar: ReadonlyMap<string, string>) => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
