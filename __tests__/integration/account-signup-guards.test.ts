jest.mock("next/headers", () => jest.requireActual<typeof import("./support/request-scope")>("./support/request-scope").nextHeadersMock);
jest.mock("next/cache", () => jest.requireActual<typeof import("./support/request-scope")>("./support/request-scope").nextCacheMock);
jest.mock("@/lib/auth/config", () => jest.requireActual<typeof import("./support/auth-mock")>("./support/auth-mock").authConfigMock);

import { randomUUID } from "node:crypto";
import sharp from "sharp";
import { submitSignupStep } from "@/lib/account/actions";
import { createAccountFromDraft } from "@/lib/account/create-account";
import { reencodePhoto } from "@/lib/account/photo";
import { COSTLY_WORK_THROTTLED } from "@/lib/account/signup-steps";
import { db } from "@/lib/platform/db";
import { THROTTLE_POLICIES } from "@/lib/platform/security/throttle";
import { testPrisma } from "../fixtures/db";
import { actAs, form, outcomeOf, scope } from "./support/request-scope";

const prisma = testPrisma();
const idle = { status: "idle" as const };
const PASSWORD = "Glycines-Bleues-du-Jardin-42";

afterAll(async () => {
  await prisma.$disconnect();
  await db().$disconnect();
});

async function forwardTo(step: "authentification" | "securite") {
  actAs(null);
  await outcomeOf(() => submitSignupStep("bienvenue", idle, form({ cgu: "on" })));
  await outcomeOf(() =>
    submitSignupStep(
      "identite",
      idle,
      form({ civility: "MADAME", usageName: "GARDE", firstNames: "Hélène", birthDate: "", birthCountryCode: "" }),
    ),
  );
  await outcomeOf(() => submitSignupStep("adresse", idle, form({ city: "Carbon-Blanc", postalCode: "33560" })));
  await outcomeOf(() =>
    submitSignupStep("contact", idle, form({ email: `garde.${randomUUID().slice(0, 8)}@example.org`, preferredContact: "EMAIL" })),
  );
  if (step === "securite") {
    const login = `garde.${randomUUID().slice(0, 8)}`;
    expect(
      await outcomeOf(() =>
        submitSignupStep("authentification", idle, form({ login, password: PASSWORD, passwordConfirmation: PASSWORD })),
      ),
    ).toEqual({
      kind: "redirected",
      to: "/creer-mon-espace/securite",
    });
  }
}

async function currentDraft() {
  const { loadSignupDraft } = await import("@/lib/account/draft");
  const draft = await loadSignupDraft();
  if (!draft) throw new Error("no draft");
  return draft;
}

describe("the sign-up wizard never uses unvalidated values", () => {
  test("going back with changed values makes the step incomplete again", async () => {
    await forwardTo("securite");
    const back = await outcomeOf(() =>
      submitSignupStep("authentification", idle, form({ login: "  Avec Des Espaces ", intent: "previous" })),
    );
    expect(back).toEqual({ kind: "redirected", to: "/creer-mon-espace/contact" });
    // The value typed is kept for the form, but the last step sends the parent back to validate it.
    expect((await currentDraft()).data.values.authentification?.login).toBe("  Avec Des Espaces ");
    expect(await outcomeOf(() => submitSignupStep("securite", idle, form({ pow: "x" })))).toEqual({
      kind: "redirected",
      to: "/creer-mon-espace/authentification",
    });
  });

  test("account creation checks the identifier's format again", async () => {
    await forwardTo("securite");
    const draft = await currentDraft();
    const marker = `Avec Espaces ${randomUUID()}`;
    draft.data.values.authentification = { ...draft.data.values.authentification, login: `${marker} ${"x".repeat(500)}` };
    const result = await createAccountFromDraft(draft);
    expect(result).toMatchObject({ ok: false, step: "authentification", field: "login" });
    await expect(prisma.account.count({ where: { login: { startsWith: marker } } })).resolves.toBe(0);
  });
});

describe("costly work without sign-in is bounded", () => {
  test("the password step hashes at most a few passwords per address and quarter hour", async () => {
    await forwardTo("authentification");
    const allowed = THROTTLE_POLICIES["signup-password"].perAddress;
    const submit = () =>
      submitSignupStep(
        "authentification",
        idle,
        form({ login: `garde.${randomUUID().slice(0, 8)}`, password: PASSWORD, passwordConfirmation: PASSWORD }),
      );
    for (let attempt = 0; attempt < allowed; attempt += 1) expect((await outcomeOf(submit)).kind).toBe("redirected");
    expect(await outcomeOf(submit)).toMatchObject({
      kind: "returned",
      value: { status: "error", fieldErrors: { password: COSTLY_WORK_THROTTLED } },
    });
    // Another address is not affected.
    scope.headers.set("x-forwarded-for", "192.0.2.200");
    expect((await outcomeOf(submit)).kind).toBe("redirected");
  });

  test("a photo of too many pixels is refused before it is decoded", async () => {
    const huge = await sharp({ create: { width: 6000, height: 5000, channels: 3, background: "#88aa44" } })
      .png()
      .toBuffer();
    const result = await reencodePhoto(new File([new Uint8Array(huge)], "photo.png", { type: "image/png" }));
    expect(result).toMatchObject({ ok: false });
  });
});
