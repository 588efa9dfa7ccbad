import { createHash, randomBytes, webcrypto } from "node:crypto";
import { setImmediate as realSetImmediate } from "node:timers";
import { TextEncoder } from "node:util";
import { act, fireEvent, render, screen } from "@testing-library/react";
import axe from "axe-core";
import { ProofOfWork } from "@/components/forms/ProofOfWork";

// jsdom has neither crypto.subtle nor TextEncoder, nor Worker: the component solves on the main thread.
Object.defineProperty(globalThis.crypto, "subtle", { value: webcrypto.subtle, configurable: true });
Object.assign(globalThis, { TextEncoder });

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** A challenge in the server's format (lib/platform/security/altcha.ts), easy enough for a test. */
function challenge(maxnumber = 300) {
  const salt = `${randomBytes(12).toString("hex")}?expires=${Math.floor(Date.now() / 1000) + 600}&`;
  const number = 1 + Math.floor(Math.random() * maxnumber);
  return { algorithm: "SHA-256", challenge: sha256(salt + number), maxnumber, salt, signature: randomBytes(32).toString("hex") };
}

const fetchMock = jest.fn<Promise<unknown>, [string, RequestInit?]>();

beforeEach(() => {
  fetchMock.mockReset();
  globalThis.fetch = fetchMock as unknown as typeof fetch;
});

function serveChallenge(body = challenge()) {
  fetchMock.mockResolvedValueOnce({ ok: true, status: 200, json: async () => body });
  return body;
}

function hiddenField(container: HTMLElement): HTMLInputElement {
  const input = container.querySelector<HTMLInputElement>('input[type="hidden"][name="controle"]');
  if (!input) throw new Error("hidden field missing");
  return input;
}

/** What the server checks: the payload names our challenge and its number gives back the hash. */
function expectSolved(input: HTMLInputElement, expected: ReturnType<typeof challenge>) {
  const payload = JSON.parse(atob(input.value));
  expect(payload).toMatchObject({
    algorithm: "SHA-256",
    challenge: expected.challenge,
    salt: expected.salt,
    signature: expected.signature,
  });
  expect(sha256(expected.salt + payload.number)).toBe(expected.challenge);
}

/** axe as in the browser tests, minus colour contrast, which jsdom cannot compute (no layout, no canvas). */
async function expectNoAxeViolations(container: HTMLElement) {
  const results = await axe.run(container, {
    runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    rules: { "color-contrast": { enabled: false } },
  });
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

describe("ProofOfWork", () => {
  it("explains itself, solves the challenge in the background and fills the hidden field", async () => {
    const served = serveChallenge();
    const { container } = render(<ProofOfWork name="controle" />);

    expect(screen.getByRole("group", { name: "Contrôle de sécurité" })).toHaveAccessibleDescription(
      "Votre appareil effectue un petit calcul pour prouver que vous n'êtes pas un robot. Aucune image à déchiffrer, aucun service tiers.",
    );
    expect(screen.getByRole("status")).toHaveTextContent("Vérification en cours…");
    expect(screen.getByRole("status")).toHaveAttribute("aria-live", "polite");
    expect(hiddenField(container)).toHaveValue("");

    expect(await screen.findByText("Vérification terminée : vous pouvez valider.")).toBe(screen.getByRole("status"));
    expect(fetchMock).toHaveBeenCalledWith("/api/securite/defi", expect.objectContaining({ cache: "no-store" }));
    expectSolved(hiddenField(container), served);
    expect(screen.queryByRole("button")).toBeNull();
    await expectNoAxeViolations(container);
  });

  it("says when the check failed and offers Réessayer, which starts over and keeps the focus", async () => {
    fetchMock.mockRejectedValueOnce(new TypeError("Failed to fetch"));
    const { container } = render(<ProofOfWork name="controle" />);

    expect(await screen.findByText("La vérification a échoué.")).toBe(screen.getByRole("status"));
    expect(hiddenField(container)).toHaveValue("");
    const retry = screen.getByRole("button", { name: "Réessayer" });
    expect(retry).toHaveAttribute("type", "button");
    await expectNoAxeViolations(container);

    const served = serveChallenge();
    retry.focus();
    fireEvent.click(retry);
    expect(screen.getByRole("status")).toHaveTextContent("Vérification en cours…");
    expect(screen.getByRole("status")).toHaveFocus();
    expect(screen.queryByRole("button", { name: "Réessayer" })).toBeNull();

    await screen.findByText("Vérification terminée : vous pouvez valider.");
    expectSolved(hiddenField(container), served);
  });

  it("fails rather than spinning forever on an answer that is not a challenge", async () => {
    fetchMock.mockResolvedValueOnce({ ok: false, status: 500, json: async () => ({}) });
    render(<ProofOfWork name="controle" />);
    expect(await screen.findByText("La vérification a échoué.")).toBeInTheDocument();
  });

  it("shows the server's error under the check, tied to the group, and solves a fresh challenge", async () => {
    const first = serveChallenge();
    const { container, rerender } = render(<ProofOfWork name="controle" describedBy="resume-erreurs" />);
    await screen.findByText("Vérification terminée : vous pouvez valider.");
    expectSolved(hiddenField(container), first);

    const second = serveChallenge();
    const message = "Ce contrôle de sécurité a déjà servi : patientez pendant la nouvelle vérification, puis validez à nouveau.";
    rerender(<ProofOfWork name="controle" describedBy="resume-erreurs" error={message} />);

    const error = screen.getByText(message);
    expect(error).toHaveClass("field-error");
    expect(error).toHaveAttribute("id", "controle-erreur");
    const group = screen.getByRole("group", { name: "Contrôle de sécurité" });
    expect(group.getAttribute("aria-describedby")?.split(" ")).toEqual(expect.arrayContaining(["controle-erreur", "resume-erreurs"]));
    expect(group).toHaveAccessibleDescription(expect.stringContaining(message));

    expect(screen.getByRole("status")).toHaveTextContent("Vérification en cours…");
    await screen.findByText("Vérification terminée : vous pouvez valider.");
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expectSolved(hiddenField(container), second);
    await expectNoAxeViolations(container);
  });

  it("solves a new challenge before the current one expires", async () => {
    // The page's clock is fake; crypto.subtle still answers from Node's thread pool, in real time.
    jest.useFakeTimers();
    const untilStatus = async (text: string) => {
      for (let turn = 0; turn < 10_000 && screen.getByRole("status").textContent !== text; turn++) {
        await act(() => new Promise<void>((resolve) => realSetImmediate(resolve)));
      }
      expect(screen.getByRole("status")).toHaveTextContent(text);
    };
    try {
      const first = serveChallenge(challenge(5));
      const { container } = render(<ProofOfWork name="controle" />);
      await untilStatus("Vérification terminée : vous pouvez valider.");
      expectSolved(hiddenField(container), first);

      const second = serveChallenge(challenge(5));
      act(() => jest.advanceTimersByTime(9 * 60 * 1000 - 1));
      expect(fetchMock).toHaveBeenCalledTimes(1);
      act(() => jest.advanceTimersByTime(1));
      expect(fetchMock).toHaveBeenCalledTimes(2);
      await untilStatus("Vérification terminée : vous pouvez valider.");
      expectSolved(hiddenField(container), second);
    } finally {
      jest.useRealTimers();
    }
  });
});
