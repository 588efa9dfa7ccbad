// Solves the "Contrôle de sécurité" proof of work (ALTCHA v1) off the main thread, for
// components/forms/ProofOfWork.tsx. A static same-origin file: under the site's CSP
// (script-src 'self' 'nonce-…' 'strict-dynamic', no worker-src) a script may start it, whereas a
// blob: worker or eval would be refused. Keep the algorithm in step with solveOnMainThread there.
"use strict";

// Hashes requested together: crypto.subtle answers asynchronously, and awaiting them one by one
// costs more in round trips than in hashing.
const BATCH = 500;

self.onmessage = async (event) => {
  const { challenge, salt, maxnumber } = event.data;
  let number = null;
  try {
    number = await solve(challenge, salt, maxnumber);
  } catch {
    number = null;
  }
  self.postMessage({ number });
};

async function solve(challenge, salt, max) {
  const target = new Uint8Array(32);
  for (let i = 0; i < 32; i++) target[i] = parseInt(challenge.slice(i * 2, i * 2 + 2), 16);
  const encoder = new TextEncoder();
  for (let start = 0; start <= max; start += BATCH) {
    const pending = [];
    for (let n = start; n <= Math.min(start + BATCH - 1, max); n++) {
      pending.push(crypto.subtle.digest("SHA-256", encoder.encode(salt + n)));
    }
    const digests = await Promise.all(pending);
    for (let i = 0; i < digests.length; i++) {
      if (sameBytes(new Uint8Array(digests[i]), target)) return start + i;
    }
  }
  return null;
}

function sameBytes(a, b) {
  for (let i = 0; i < b.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
