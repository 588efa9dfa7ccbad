if (!process.env.E2E_BASE_URL) {
  throw new Error("Les tests navigateur se lancent avec `npm test`, qui construit et démarre le portail.");
}

// A journey step drives a real browser through server round trips: give it room on a loaded machine.
jest.setTimeout(120_000);
