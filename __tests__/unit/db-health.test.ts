import {
  databaseIsAvailable,
  isDatabaseUnavailableError,
  markDatabaseAvailable,
  markDatabaseUnavailable,
  registerDatabaseProbe,
} from "@/lib/platform/db/health";
import { serviceUnavailableHtml } from "@/lib/platform/db/unavailable-page";

/** Shapes of the errors Prisma 7 with @prisma/adapter-pg throws (names and fields as the client sets them). */
const prismaError = (fields: Record<string, unknown>) =>
  Object.assign(new Error(String(fields.message ?? "")), { name: "PrismaClientKnownRequestError", clientVersion: "7.10.0" }, fields);

describe("isDatabaseUnavailableError", () => {
  test.each([
    ["the server refuses connections (P1001)", prismaError({ code: "P1001", message: "Can't reach database server" })],
    ["the connection closed under a query (P1017)", prismaError({ code: "P1017" })],
    [
      "the driver adapter's kind",
      prismaError({ code: "P2010", meta: { driverAdapterError: { name: "DriverAdapterError", cause: { kind: "DatabaseNotReachable" } } } }),
    ],
    [
      "pg's message without a code, wrapped by Prisma",
      Object.assign(new Error("Connection terminated unexpectedly"), { name: "PrismaClientUnknownRequestError", clientVersion: "7.10.0" }),
    ],
    [
      "a refused socket under Prisma",
      prismaError({ code: "P2010", cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }) }),
    ],
    [
      "the database shutting down (57P01)",
      prismaError({ code: "P2010", meta: { driverAdapterError: { name: "DriverAdapterError", cause: { originalCode: "57P01" } } } }),
    ],
  ])("%s: unavailable", (_label, error) => {
    expect(isDatabaseUnavailableError(error)).toBe(true);
  });

  test.each([
    ["a unique constraint (P2002)", prismaError({ code: "P2002", message: "Unique constraint failed" })],
    ["a record not found (P2025)", prismaError({ code: "P2025" })],
    [
      "another service refusing (FranceConnect, Resend)",
      Object.assign(new TypeError("fetch failed"), { cause: Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }) }),
    ],
    ["a programming error", new TypeError("Cannot read properties of undefined")],
    ["not an error", "ECONNREFUSED"],
  ])("%s: not an outage", (_label, error) => {
    expect(isDatabaseUnavailableError(error)).toBe(false);
  });
});

describe("databaseIsAvailable", () => {
  afterEach(() => markDatabaseAvailable());

  test("an outage lasts until a probe succeeds, and a failed probe is not retried at once", async () => {
    let answers = false;
    const probe = jest.fn(async () => {
      if (!answers) throw new Error("connect ECONNREFUSED");
    });
    registerDatabaseProbe(probe);
    expect(await databaseIsAvailable()).toBe(true);
    expect(probe).not.toHaveBeenCalled();

    markDatabaseUnavailable();
    expect(await databaseIsAvailable()).toBe(false);
    expect(await databaseIsAvailable()).toBe(false); // within half a second of the failed probe: no new probe
    expect(probe).toHaveBeenCalledTimes(1);

    answers = true;
    await new Promise((resolve) => setTimeout(resolve, 550));
    expect(await databaseIsAvailable()).toBe(true);
    expect(await databaseIsAvailable()).toBe(true);
    expect(probe).toHaveBeenCalledTimes(2);
  });
});

describe("serviceUnavailableHtml", () => {
  test("a French page whose retry link is the address asked for, escaped", () => {
    const html = serviceUnavailableHtml({ retryHref: '/espace?x="><script>', nonce: "abc" });
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain("<h1>Service momentanément indisponible</h1>");
    expect(html).toContain('<a href="/espace?x=&quot;&gt;&lt;script&gt;">Réessayer</a>');
    expect(html).toContain('<style nonce="abc">');
    expect(html).not.toContain("<script");
  });
});
