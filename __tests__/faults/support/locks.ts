import { Client } from "pg";
import { until } from "./portal";

/**
 * Holds row or table locks in the run's database so that a portal's request is provably in flight (its query
 * waits on the lock) at the moment a test kills the server or cuts the database.
 */
export class DatabaseLocks {
  private readonly holder = new Client({ connectionString: process.env.DATABASE_URL });
  /** Reads pg_stat_activity outside the holder's transaction (a transaction sees one snapshot of it). */
  private readonly observer = new Client({ connectionString: process.env.DATABASE_URL });

  async connect() {
    await Promise.all([this.holder.connect(), this.observer.connect()]);
  }

  /** Runs `sql` (a SELECT ... FOR UPDATE, a LOCK TABLE) in a transaction kept open until release(). */
  async hold(sql: string, params: unknown[] = []) {
    await this.holder.query("BEGIN");
    await this.holder.query(sql, params);
    return { release: () => this.holder.query("ROLLBACK") };
  }

  /** Resolves once one of the portal's sessions (by application_name) waits on a lock. */
  waiterFrom(applicationName: string) {
    return until("the portal's query to wait on the lock", async () => {
      const { rows } = await this.observer.query(
        "SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'",
        [applicationName],
      );
      return rows.length > 0;
    });
  }

  /** PostgreSQL ends a dead client's sessions once each notices (an open transaction is rolled back). */
  sessionsGone(applicationName: string) {
    return until("the killed portal's database sessions to end", async () => {
      const { rows } = await this.observer.query("SELECT pid FROM pg_stat_activity WHERE application_name = $1", [applicationName]);
      return rows.length === 0;
    });
  }

  async close() {
    await Promise.all([this.holder.end(), this.observer.end()]);
  }
}
