"use client";

import { useCallback, useEffect, useId, useRef, useState } from "react";

/**
 * The "Contrôle de sécurité" of a form: fetches a proof-of-work challenge, solves it in the background
 * and puts the base64 payload into the hidden input `name`, which the server action checks with
 * verifyPowSolution (lib/platform/security/altcha.ts). No picture to decipher and no third-party service;
 * nothing for the parent to do unless the check fails ("Réessayer").
 * The error, when given, has the id `${name}-erreur`; `describedBy` adds ids to the fieldset's description.
 */
export interface ProofOfWorkProps {
  name: string;
  error?: string;
  describedBy?: string;
}

interface Challenge {
  algorithm: string;
  challenge: string;
  maxnumber: number;
  salt: string;
  signature: string;
}

type Status = "working" | "done" | "failed";

const CHALLENGE_URL = "/api/securite/defi";
const WORKER_URL = "/pow-worker.js";
// Challenges live 10 minutes (POW_TTL_MS on the server). Counted from when the challenge arrived, since
// the device's clock may be wrong, a fresh one is solved before a parent who lingers submits a stale one.
const REFRESH_AFTER_MS = 9 * 60 * 1000;
// On the main thread the digests' promises settle within the same task, so awaiting them does not let
// clicks and keystrokes through: the search runs in slices shorter than a "long task" (50 ms) with a
// yield between them. Yielding after every batch instead tripled the time (setTimeout is clamped to 4 ms).
const MAIN_THREAD_BATCH = 100;
const MAIN_THREAD_SLICE_MS = 30;

const STATUS_TEXT: Record<Status, string> = {
  working: "Vérification en cours…",
  done: "Vérification terminée : vous pouvez valider.",
  failed: "La vérification a échoué.",
};

const STATUS_CLASS: Record<Status, string> = {
  working: "text-slate-700",
  done: "text-green-800",
  failed: "text-red-700",
};

export function ProofOfWork({ name, error, describedBy }: ProofOfWorkProps) {
  const [status, setStatus] = useState<Status>("working");
  const [payload, setPayload] = useState("");
  const [run, setRun] = useState(0);
  const [lastError, setLastError] = useState(error);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const explanationId = useId();
  const errorId = `${name}-erreur`;

  const restart = useCallback(() => {
    setStatus("working");
    setPayload("");
    setRun((value) => value + 1);
  }, []);

  // A new error from the server means this payload was refused or used up: solve a fresh challenge.
  if (error !== lastError) {
    setLastError(error);
    if (error) restart();
  }

  useEffect(() => {
    const controller = new AbortController();
    let refreshTimer: ReturnType<typeof setTimeout> | undefined;
    (async () => {
      try {
        const response = await fetch(CHALLENGE_URL, { cache: "no-store", signal: controller.signal });
        if (!response.ok) throw new Error(`challenge: HTTP ${response.status}`);
        const challenge: unknown = await response.json();
        if (!isChallenge(challenge)) throw new Error("challenge: unexpected shape");
        const started = Date.now();
        const number = await solve(challenge, controller.signal);
        if (controller.signal.aborted) return;
        if (number === null) throw new Error("challenge: no solution");
        const { algorithm, salt, signature } = challenge;
        setPayload(
          btoa(JSON.stringify({ algorithm, challenge: challenge.challenge, number, salt, signature, took: Date.now() - started })),
        );
        setStatus("done");
        refreshTimer = setTimeout(restart, REFRESH_AFTER_MS);
      } catch {
        if (!controller.signal.aborted) setStatus("failed");
      }
    })();
    return () => {
      controller.abort();
      clearTimeout(refreshTimer);
    };
  }, [run, restart]);

  function retry() {
    restart();
    // The button disappears: keep keyboard focus on the status it brings back.
    statusRef.current?.focus();
  }

  return (
    <fieldset
      aria-describedby={[explanationId, error ? errorId : undefined, describedBy].filter(Boolean).join(" ")}
      className="rounded-md border border-slate-300 p-4"
    >
      <legend className="field-label px-1">Contrôle de sécurité</legend>
      <p id={explanationId} className="text-sm text-slate-700">
        Votre appareil effectue un petit calcul pour prouver que vous n&apos;êtes pas un robot. Aucune image à déchiffrer, aucun service
        tiers.
      </p>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <p ref={statusRef} tabIndex={-1} role="status" aria-live="polite" className={`text-sm font-semibold ${STATUS_CLASS[status]}`}>
          {STATUS_TEXT[status]}
        </p>
        {status === "failed" ? (
          <button type="button" onClick={retry} className="btn-secondary">
            Réessayer
          </button>
        ) : null}
      </div>
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
      <input type="hidden" name={name} value={payload} />
    </fieldset>
  );
}

function isChallenge(value: unknown): value is Challenge {
  if (typeof value !== "object" || value === null) return false;
  const challenge = value as Record<string, unknown>;
  return (
    typeof challenge.algorithm === "string" &&
    typeof challenge.challenge === "string" &&
    /^[0-9a-f]{64}$/.test(challenge.challenge) &&
    typeof challenge.salt === "string" &&
    typeof challenge.signature === "string" &&
    Number.isSafeInteger(challenge.maxnumber)
  );
}

/** In a worker when the browser allows it (public/pow-worker.js), otherwise on the main thread in small batches. */
async function solve(challenge: Challenge, signal: AbortSignal): Promise<number | null> {
  if (typeof Worker === "function") {
    try {
      return await solveInWorker(challenge, signal);
    } catch {
      // Worker refused (CSP, old browser) or failed to load: the main thread can still do it.
    }
  }
  return solveOnMainThread(challenge, signal);
}

function solveInWorker({ challenge, salt, maxnumber }: Challenge, signal: AbortSignal): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL);
    signal.addEventListener(
      "abort",
      () => {
        worker.terminate();
        resolve(null);
      },
      { once: true },
    );
    worker.onmessage = (event: MessageEvent<{ number: number | null }>) => {
      worker.terminate();
      resolve(event.data.number);
    };
    worker.onerror = () => {
      worker.terminate();
      reject(new Error("pow worker failed"));
    };
    worker.postMessage({ challenge, salt, maxnumber });
  });
}

/** The same search as public/pow-worker.js: SHA-256(salt + n) for n = 0, 1, 2... until it matches. */
async function solveOnMainThread({ challenge, salt, maxnumber }: Challenge, signal: AbortSignal): Promise<number | null> {
  const target = new Uint8Array(32);
  for (let i = 0; i < 32; i++) target[i] = parseInt(challenge.slice(i * 2, i * 2 + 2), 16);
  const encoder = new TextEncoder();
  let sliceStart = performance.now();
  for (let start = 0; start <= maxnumber; start += MAIN_THREAD_BATCH) {
    if (signal.aborted) return null;
    const pending: Promise<ArrayBuffer>[] = [];
    for (let n = start; n <= Math.min(start + MAIN_THREAD_BATCH - 1, maxnumber); n++) {
      pending.push(crypto.subtle.digest("SHA-256", encoder.encode(salt + n)));
    }
    const found = (await Promise.all(pending)).findIndex((digest) => sameBytes(new Uint8Array(digest), target));
    if (found !== -1) return start + found;
    if (performance.now() - sliceStart > MAIN_THREAD_SLICE_MS) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      sliceStart = performance.now();
    }
  }
  return null;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
