// Connections of the offline schema engine (traps 2, 3, 6 and 7 of engine.mjs): a pg pool the engine can read
// the catalog through, an adapter that sends a migration script whole, and throwaway shadow databases.
import { randomBytes } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { startEmbeddedPostgres } from "./embedded.mjs";

// ---------------------------------------------------------------------------------------------------------
// Connections (traps 2, 6, 7)
// ---------------------------------------------------------------------------------------------------------

const CATALOG_TEXT_TYPES = new Set([18, 19]); // "char", name
const TEXT_OID = 25;

function reportCatalogTypesAsText(result) {
  for (const one of Array.isArray(result) ? result : [result]) {
    for (const field of one?.fields ?? []) if (CATALOG_TEXT_TYPES.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
  }
  return result;
}

class CatalogTypesAsTextClient extends pg.Client {
  query(config, values, callback) {
    if (typeof config?.submit === "function") return super.query(config, values, callback);
    if (typeof values === "function") [callback, values] = [values, undefined];
    if (typeof callback === "function") {
      return super.query(config, values, (error, result) => callback(error, error ? result : reportCatalogTypesAsText(result)));
    }
    return super.query(config, values).then(reportCatalogTypesAsText);
  }
}

export function createPool(url) {
  const pool = new pg.Pool({ connectionString: url, max: 1, idleTimeoutMillis: 0, Client: CatalogTypesAsTextClient });
  // An idle connection dropped by the server must not crash the process; the next query reports it.
  pool.on("error", () => {});
  return pool;
}

export async function connectAdapter(pool, { onDispose } = {}) {
  const adapter = await new PrismaPg(pool).connect();
  adapter.executeScript = async (script) => {
    try {
      await pool.query(script);
    } catch (error) {
      adapter.onError(error);
    }
  };
  if (onDispose) {
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await onDispose();
    };
  }
  return adapter;
}

// ---------------------------------------------------------------------------------------------------------
// Shadow databases (trap 3). The engine asks for one each time it replays migrations and disposes of it
// afterwards; closeAll() is the safety net for the ones it does not dispose.
// ---------------------------------------------------------------------------------------------------------

export function noShadowDatabase() {
  return {
    open: async () => {
      throw new Error("This operation does not need a shadow database.");
    },
    closeAll: async () => {},
  };
}

function shadowDatabaseSet(create) {
  const open = new Set();
  return {
    async open() {
      let shadow;
      const release = once(async () => {
        open.delete(release);
        await shadow?.release();
      });
      open.add(release);
      try {
        shadow = await create();
        return await connectAdapter(shadow.pool, { onDispose: release });
      } catch (error) {
        await release();
        throw error;
      }
    },
    async closeAll() {
      for (const release of [...open]) await release();
    },
  };
}

/** Throwaway databases `ef_shadow_<random>` on a real server, dropped WITH (FORCE) afterwards. */
export function serverShadowDatabases(serverUrl) {
  return shadowDatabaseSet(async () => {
    const name = `ef_shadow_${randomBytes(6).toString("hex")}`;
    await runOnServer(serverUrl, `CREATE DATABASE "${name}"`);
    const pool = createPool(withDatabase(serverUrl, name));
    const release = async () => {
      await pool.end();
      await runOnServer(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    };
    try {
      const { rows } = await pool.query("SELECT current_database() AS name");
      if (rows[0]?.name !== name) throw new Error(`Refusing "${rows[0]?.name}" as a shadow database: expected the throwaway "${name}".`);
    } catch (error) {
      await release();
      throw error;
    }
    return { pool, release };
  });
}

/** A fresh in-memory PGlite per shadow database (pglite-socket serves a single database). */
export function pgliteShadowDatabases() {
  return shadowDatabaseSet(async () => {
    const embedded = await startEmbeddedPostgres({ memory: true });
    const pool = createPool(embedded.url);
    const release = async () => {
      await pool.end();
      await embedded.stop();
    };
    try {
      const { rows } = await pool.query(
        `SELECT count(*)::int AS relations FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%'`,
      );
      if (rows[0].relations !== 0) throw new Error(`Refusing ${embedded.url} as a shadow database: it is not empty.`);
    } catch (error) {
      await release();
      throw error;
    }
    return { pool, release };
  });
}

// A shadow next to the database when the server allows it (same PostgreSQL version, same behaviour),
// an in-memory PGlite otherwise: PGlite serves one database, and a role may lack CREATEDB.
export async function shadowDatabasesFor(databaseUrl, { serverUrl, log }) {
  if (serverUrl) return serverShadowDatabases(serverUrl);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT version() AS version, (SELECT rolcreatedb OR rolsuper FROM pg_roles WHERE rolname = current_user) AS can_create`,
    );
    if (/wasm32|emscripten/i.test(rows[0].version)) return pgliteShadowDatabases();
    if (rows[0].can_create) return serverShadowDatabases(databaseUrl);
    log("The database role cannot create databases: using an in-memory PGlite as shadow database.");
    return pgliteShadowDatabases();
  } finally {
    await client.end();
  }
}

export function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/** Runs one statement on the server of `serverUrl` (CREATE / DROP DATABASE cannot run in a transaction). */
export async function runOnServer(serverUrl, sql) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function once(fn) {
  let promise = null;
  return () => (promise ??= fn());
}
