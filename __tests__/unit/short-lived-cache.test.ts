import { shortLived } from "@/lib/platform/cache/short-lived";

describe("short-lived cache of public content", () => {
  afterEach(() => jest.useRealTimers());

  test("concurrent readers share one read; a read older than the delay is made again", async () => {
    jest.useFakeTimers({ now: 0 });
    let reads = 0;
    const cache = shortLived(5_000, async (page: { limit: number }) => `lecture ${++reads} (${page.limit})`);
    const [first, second] = await Promise.all([cache.get({ limit: 4 }), cache.get({ limit: 4 })]);
    expect([first, second, reads]).toEqual(["lecture 1 (4)", "lecture 1 (4)", 1]);
    expect(await cache.get({ limit: 10 })).toBe("lecture 2 (10)");
    jest.setSystemTime(4_999);
    expect(await cache.get({ limit: 4 })).toBe("lecture 1 (4)");
    jest.setSystemTime(5_000);
    expect(await cache.get({ limit: 4 })).toBe("lecture 3 (4)");
  });

  test("forget makes the next reader go to the database at once; a failed read is not kept", async () => {
    let reads = 0;
    let fail = true;
    const cache = shortLived(60_000, async () => {
      reads += 1;
      if (fail) throw new Error("base injoignable");
      return reads;
    });
    await expect(cache.get(undefined)).rejects.toThrow("base injoignable");
    fail = false;
    expect(await cache.get(undefined)).toBe(2);
    expect(await cache.get(undefined)).toBe(2);
    cache.forget();
    expect(await cache.get(undefined)).toBe(3);
  });
});
