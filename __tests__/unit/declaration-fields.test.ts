/**
 * The person-field registry (one home for the declaration's labels and options) and the one reader of a
 * declaration's stored JSON: drafts are partial and older rows must still open.
 */
import { decodeDeclarationPeople } from "@/lib/declaration";
import {
  childSchema,
  contactSchema,
  groupFieldKeys,
  groupFields,
  PERSON_FIELDS,
  representativeSchema,
  staffLabel,
  summaryLabel,
} from "@/lib/declaration/schemas";

describe("the person-field registry", () => {
  test("each group lists exactly the fields its schema reads", () => {
    expect(groupFields("representative")).toEqual(Object.keys(representativeSchema.shape));
    expect(new Set(groupFieldKeys("child"))).toEqual(new Set(Object.keys(childSchema(["holder", "co"]).shape)));
    expect(groupFields("contact").sort()).toEqual(Object.keys(contactSchema.shape).sort());
  });

  test("the words differ where the summary and the staff page always said it differently", () => {
    expect(PERSON_FIELDS.usageName.label).toBe("Nom d'usage");
    expect(summaryLabel("expectedBirthDate")).toBe("Naissance prévue le");
    expect(summaryLabel("expectedBirth")).toBeNull();
    expect(staffLabel("allocataireMember")).toBe("Allocataire");
    expect(staffLabel("emergencyContact")).toBe("À prévenir en cas d'urgence");
    expect(PERSON_FIELDS.emergencyContact.label).toBe("A prévenir en cas d'urgence");
  });
});

describe("decodeDeclarationPeople", () => {
  let warnings: string[];
  beforeEach(() => {
    warnings = [];
    jest.spyOn(process.stderr, "write").mockImplementation((line: string | Uint8Array) => {
      warnings.push(String(line));
      return true;
    });
  });
  afterEach(() => jest.restoreAllMocks());

  const child = { id: "0196f000-0000-7000-8000-000000000001", values: { firstName: "Léa", expectedBirth: true } };

  test("a whole declaration reads as stored, without a warning", () => {
    const stored = { holder: { usageName: "MARTIN", refusesSms: true }, co: null, children: [child], contacts: [] };
    expect(decodeDeclarationPeople(stored)).toEqual(stored);
    expect(warnings).toEqual([]);
  });

  test.each([undefined, null, {}, { holder: { usageName: "MARTIN" } }, { children: [child] }])(
    "a partial draft (%p): missing keys are empty",
    (stored) => {
      const people = decodeDeclarationPeople(stored);
      expect(people).toEqual({ holder: null, co: null, children: [], contacts: [], ...(stored ?? {}) });
      expect(warnings).toEqual([]);
    },
  );

  test("an unreadable piece is left out or emptied, and logged without what it held", () => {
    const people = decodeDeclarationPeople(
      {
        holder: "Sophie MARTIN",
        co: { usageName: "MARTIN", dependentChildren: 2, photo: { secret: "Karim" } },
        children: [{}, { id: "c2" }, child],
        contacts: "Monique",
      },
      { demarcheId: "d-1" },
    );
    expect(people).toEqual({
      holder: null,
      co: { usageName: "MARTIN", dependentChildren: "2" },
      children: [{ id: "c2", values: {} }, child],
      contacts: [],
    });
    const logged = warnings.join("");
    expect(logged).toContain("declaration.data_unreadable_piece");
    expect(logged).toContain('"demarcheId":"d-1"');
    expect(logged).toContain('"piece":"children.0"');
    for (const secret of ["Sophie", "Karim", "Monique"]) expect(logged).not.toContain(secret);
  });

  test("stored data that is not an object reads as an empty declaration", () => {
    expect(decodeDeclarationPeople([1, 2])).toEqual({ holder: null, co: null, children: [], contacts: [] });
    expect(decodeDeclarationPeople("oops")).toEqual({ holder: null, co: null, children: [], contacts: [] });
    expect(warnings).toHaveLength(2);
  });
});
