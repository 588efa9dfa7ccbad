import { childFileSchema, nestFormData } from "@/lib/child-file/schemas";
import { confirmationYear, schoolYearOfDay, validUntilFor } from "@/lib/child-file/rules";

const options = {
  diets: ["standard", "sans-porc"],
  authorisations: [
    { code: "photo-video", title: "Droit à l'image" },
    { code: "depart-seul", title: "Départ seul", withAge: true, withActivities: true },
  ],
};

const base = {
  version: "0",
  pai: "non",
  diet: "sans-porc",
  authorisations: { "photo-video": { granted: "oui" }, "depart-seul": { granted: "oui", fromAge: "9", activities: "Accueil du soir" } },
};

describe("the child's file rules", () => {
  test("validity of each rule, from the date written on the document", () => {
    expect(validUntilFor({ rule: "months", months: 3 }, "2026-05-02")).toBe("2026-08-01");
    expect(validUntilFor({ rule: "months", months: 3 }, "2026-11-30")).toBe("2027-02-27");
    expect(validUntilFor({ rule: "school-year" }, "2026-09-01")).toBe("2027-08-31");
    expect(validUntilFor({ rule: "school-year" }, "2026-08-31")).toBe("2026-08-31");
    expect(validUntilFor({ rule: "calendar-year" }, "2026-03-10")).toBe("2026-12-31");
    expect(validUntilFor({ rule: "end-date" }, "2026-03-10", "2027-07-05")).toBe("2027-07-05");
    expect(validUntilFor({ rule: "none" }, "2026-03-10")).toBeNull();
  });

  test("school years and the yearly confirmation opening in July", () => {
    expect(schoolYearOfDay("2026-09-01")).toBe("2026-2027");
    expect(schoolYearOfDay("2027-08-31")).toBe("2026-2027");
    expect(confirmationYear("2026-06-30", 7)).toBe("2025-2026");
    expect(confirmationYear("2026-07-01", 7)).toBe("2026-2027");
    expect(confirmationYear("2027-01-15", 7)).toBe("2026-2027");
  });

  test("the form's values, nested from FormData, with hostile keys ignored", () => {
    const data = new FormData();
    data.append("allergies.0.name", "Kiwi");
    data.append("allergies.2.name", "Lait");
    data.append("authorisations.depart-seul.granted", "oui");
    data.append("allergies.99999999.name", "trou");
    data.append("constructor.prototype.x", "1");
    data.append("$ACTION_ID_abc", "");
    const nested = nestFormData(data);
    expect(nested).toEqual({ allergies: [{ name: "Kiwi" }, { name: "Lait" }], authorisations: { "depart-seul": { granted: "oui" } } });
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  test("the schema refuses hostile or wrong input in French, on the right field", () => {
    const schema = childFileSchema(options);
    const ok = schema.safeParse({ ...base, pickup: [{ name: "Mamie", phone: "06 11 22 33 44", relationship: "Grand-mère" }] });
    expect(ok.success && ok.data.pickup[0]?.phone).toBe("+33611223344");
    expect(ok.success && ok.data.authorisations["depart-seul"]).toEqual({ granted: true, fromAge: 9, activities: "Accueil du soir" });

    const bad = schema.safeParse({
      ...base,
      pai: "oui",
      diet: "caviar",
      allergies: [{ name: "\u0000" }],
      pickup: [{ name: "Mamie", phone: "123", relationship: "" }],
      authorisations: { "photo-video": {}, "depart-seul": { granted: "oui", fromAge: "40" } },
    });
    expect(bad.success).toBe(false);
    const errors = Object.fromEntries(
      [...(bad.success ? [] : bad.error.issues)].reverse().map((issue) => [issue.path.join("."), issue.message]),
    );
    expect(errors).toMatchObject({
      diet: "Choisissez un régime dans la liste.",
      "allergies.0.name": expect.stringContaining("'allergie'"),
      "pickup.0.phone": expect.stringContaining("numéro de téléphone valide"),
      "pickup.0.relationship": "Le champ 'lien avec l'enfant' est obligatoire.",
      "authorisations.photo-video.granted": "Répondez par oui ou par non à la question 'Droit à l'image'.",
      "authorisations.depart-seul.fromAge": expect.stringContaining("entre 3 et 17 ans"),
    });
    const missingEnd = schema.safeParse({ ...base, pai: "oui" });
    expect(missingEnd.success ? null : missingEnd.error.issues.map((issue) => issue.path.join("."))).toEqual(["paiEndDate"]);
  });
});
