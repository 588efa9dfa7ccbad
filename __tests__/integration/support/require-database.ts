// Integration tests write to the database: they run only on the fresh one that `npm test` creates.
if (!process.env.DATABASE_URL || process.env.EF_TEST_DATABASE !== "1") {
  throw new Error("Les tests d'intégration se lancent avec `npm test`, qui crée une base de données neuve.");
}
