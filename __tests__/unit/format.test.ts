import { formatFileSize, formatLongDate, formatMediaType, formatShortDate } from "@/lib/platform/format";
import { contentDisposition } from "@/lib/platform/storage/http";

describe("formatting for French readers", () => {
  test("dates", () => {
    expect(formatLongDate(new Date("2026-11-28T10:00:00Z"))).toBe("28 novembre 2026");
    expect(formatShortDate(new Date("1979-04-29T00:00:00Z"))).toBe("29/04/1979");
  });
  test("sizes and types", () => {
    expect(formatFileSize(512)).toBe("512 o");
    expect(formatFileSize(350 * 1024)).toBe("350 ko");
    expect(formatFileSize(1.25 * 1024 * 1024)).toBe("1,3 Mo");
    expect(formatMediaType("application/pdf")).toBe("PDF");
  });
  test("a file name with accents and quotes stays safe in Content-Disposition", () => {
    expect(contentDisposition("attachment", 'règlement "2026".pdf')).toBe(
      `attachment; filename="reglement _2026_.pdf"; filename*=UTF-8''r%C3%A8glement%20%222026%22.pdf`,
    );
  });
});
