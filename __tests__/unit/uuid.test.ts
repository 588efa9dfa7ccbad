import { isUuid } from "@/lib/platform/validation/uuid";

test("an identifier from outside is a canonical UUID or nothing", () => {
  expect(isUuid("01a23c52-c38a-760e-ab94-181875d428c2")).toBe(true);
  expect(isUuid("01A23C52-C38A-760E-AB94-181875D428C2")).toBe(true);
  for (const value of [
    "------------------------------------",
    "01a23c52c38a760eab94181875d428c2",
    "01a23c52-c38a-760e-ab94-181875d428c2 ",
    "",
    null,
    undefined,
    42,
    { id: "x" },
    "01a23c52-c38a-760e-ab94-181875d428cg",
  ]) {
    expect(isUuid(value)).toBe(false);
  }
});
