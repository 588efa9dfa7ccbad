/**
 * Issue #12, "found by a new parent": the co-representative may copy the holder's address (as a child's
 * form already offers), and the validated family says « Né le » / « Née le » when the sex is known.
 */
import { fireEvent, render, screen } from "@testing-library/react";
import { RepresentativeForm } from "@/lib/declaration/components/RepresentativeForm";
import { FamilyOverview } from "@/lib/dossier/components/FamilyOverview";

// The server action itself is not under test here: the form only binds it.
jest.mock("@/lib/declaration/actions", () => ({ savePersonAction: async () => ({ status: "idle" }) }));

const holderAddress = { streetNumber: "3", streetName: "Rue du Port", postalCode: "33560", city: "Carbon-Blanc", country: "FRANCE" };

test("the co-representative's form copies the holder's address", () => {
  render(
    <RepresentativeForm
      person="co-representant"
      title="Représentant – co-représentant"
      defaults={{ country: "FRANCE" }}
      holderAddress={holderAddress}
    />,
  );
  fireEvent.click(screen.getByRole("button", { name: "Recopier les informations du titulaire" }));
  expect(screen.getByRole("textbox", { name: /Nom de la voie/ })).toHaveValue("Rue du Port");
  expect(screen.getByRole("textbox", { name: /Code postal/ })).toHaveValue("33560");
  expect(screen.getByRole("textbox", { name: /Ville/ })).toHaveValue("Carbon-Blanc");
});

test("the holder's own form offers no copy of itself", () => {
  render(<RepresentativeForm person="titulaire" title="Représentant – titulaire du compte" defaults={{ country: "FRANCE" }} />);
  expect(screen.queryByRole("button", { name: "Recopier les informations du titulaire" })).toBeNull();
});

test("a validated family's children are « Né le » / « Née le » when the sex is known", () => {
  const base = {
    civility: null,
    expectedBirth: false,
    expectedBirthDate: null,
    relationship: null,
    emergencyContact: false,
    mobile: null,
    email: null,
    role: "CHILD" as const,
  };
  const family = {
    id: "f",
    dossierNumber: "F-2026-00001",
    status: "ACTIVE",
    documents: [],
    members: [
      { ...base, id: "1", usageName: "MARTIN", firstName: "Léa", sex: "FEMININ" as const, birthDate: new Date("2018-03-12T00:00:00Z") },
      { ...base, id: "2", usageName: "MARTIN", firstName: "Hugo", sex: "MASCULIN" as const, birthDate: new Date("2017-09-04T00:00:00Z") },
    ],
  };
  render(<FamilyOverview family={family as never} />);
  expect(screen.getByText(/^Née le 12\/03\/2018/)).toBeInTheDocument();
  expect(screen.getByText(/^Né le 04\/09\/2017/)).toBeInTheDocument();
  expect(screen.queryByText(/Né\(e\)/)).toBeNull();
});
