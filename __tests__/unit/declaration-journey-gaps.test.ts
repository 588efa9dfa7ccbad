/**
 * Issue #12, "found by a new parent": an expected child declared before its sex is known (same schema on
 * the client and the server, then in the staff review and the family dossier), and the home page's
 * messages that are no longer true once the declaration was sent again or decided.
 */
import { childSchema, type RawPerson } from "@/lib/declaration/schemas";
import { emptyPeople } from "@/lib/declaration";
import { plannedMembers } from "@/lib/dossier/write";
import { stillTrue } from "@/lib/notifications/current";
import { presentPeople } from "@/lib/review/present";
import { addDaysIso, todayIso } from "@/lib/platform/validation/date";

const frenchIn = (days: number) => addDaysIso(todayIso(), days).split("-").reverse().join("/");
const expected: RawPerson = {
  usageName: "MARTIN",
  firstName: "Bébé",
  sex: "",
  expectedBirth: "on",
  expectedBirthDate: frenchIn(60),
  quality_holder: "MERE",
  authority_holder: "OUI",
};
const holder: RawPerson = {
  civility: "MADAME",
  usageName: "MARTIN",
  firstName: "Julie",
  birthDate: "11/02/1985",
  streetName: "Rue du Port",
  postalCode: "33560",
  city: "Carbon-Blanc",
  country: "FRANCE",
  mobile: "06 11 22 33 44",
  email: "julie@example.fr",
  profession: "Infirmière",
  employer: "CHU de Bordeaux",
};

describe("an expected child whose sex is not known yet", () => {
  test("is accepted, with the sex left empty or absent", () => {
    const schema = childSchema(["holder"]);
    expect(schema.safeParse(expected).success).toBe(true);
    const withoutSex = Object.fromEntries(Object.entries(expected).filter(([key]) => key !== "sex"));
    expect(schema.safeParse(withoutSex).success).toBe(true);
  });

  test("a born child still needs its sex, with the message on that field", () => {
    const result = childSchema(["holder"]).safeParse({ ...expected, expectedBirth: false, expectedBirthDate: "", birthDate: "04/09/2017" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.filter((issue) => issue.path[0] === "sex").map((issue) => issue.message)).toEqual([
      "Le champ 'sexe' est obligatoire.",
    ]);
  });

  test("an unknown value is still refused", () => {
    expect(childSchema(["holder"]).safeParse({ ...expected, sex: "X" }).success).toBe(false);
  });

  test("staff read « Pas encore connu », and the dossier stores no sex", () => {
    const people = { ...emptyPeople(), holder, children: [{ id: "c1", values: expected }] };
    const child = presentPeople(people).find((person) => person.role === "Enfant à naître");
    expect(child?.fields).toContainEqual({ label: "Sexe", value: "Pas encore connu" });
    const member = plannedMembers(people, "account").members.find((planned) => planned.key === "enfant-c1");
    expect(member?.data).toMatchObject({ role: "CHILD", sex: null, expectedBirth: true });
  });
});

describe("the home page's messages once the declaration moved on", () => {
  const correction = { id: "1", title: "Votre déclaration de famille est à compléter", link: "/espace/declarer-ma-famille" };
  const accepted = { id: "2", title: "Votre déclaration de famille est validée", link: "/espace" };

  test("a correction request is shown only while the declaration awaits correction", () => {
    expect(stillTrue([accepted, correction], "NEEDS_CORRECTION")).toEqual([accepted, correction]);
    expect(stillTrue([accepted, correction], "ACCEPTED")).toEqual([accepted]);
    expect(stillTrue([correction], "SUBMITTED")).toEqual([]);
    expect(stillTrue([accepted], undefined)).toEqual([accepted]);
  });
});
