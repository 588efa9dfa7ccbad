import { carbonBlanc } from "@/lib/platform/town/towns/carbon-blanc";

/** WCAG relative luminance contrast, to keep a town's colours readable with white text (RGAA 3.2). */
function contrast(hex: string, other = "#ffffff"): number {
  const luminance = (value: string) => {
    const [r, g, b] = [1, 3, 5].map((index) => {
      const channel = Number.parseInt(value.slice(index, index + 2), 16) / 255;
      return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [light, dark] = [luminance(hex), luminance(other)].sort((a, b) => b - a);
  return (light! + 0.05) / (dark! + 0.05);
}

describe("town configuration", () => {
  test("Carbon-Blanc is named as its guide names it", () => {
    expect(carbonBlanc.name).toBe("Ville de Carbon-Blanc");
    expect(carbonBlanc.ages).toEqual({ min: 3, max: 17 });
  });
  test("white text on the town's colours is readable", () => {
    expect(contrast(carbonBlanc.colours.primary)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(carbonBlanc.colours.primaryDark)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(carbonBlanc.colours.accent, carbonBlanc.colours.accentText)).toBeGreaterThanOrEqual(4.5);
  });
});
