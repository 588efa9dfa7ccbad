if (!process.env.E2E_BASE_URL) {
  throw new Error("Les tests navigateur se lancent avec `npm test`, qui construit et démarre le portail.");
}
