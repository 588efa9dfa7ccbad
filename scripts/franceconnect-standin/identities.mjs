// The stand-in's test identities, with FranceConnect's claims as FranceConnect returns them.
// The first one is FranceConnect's own sandbox identity (login "test", password "123"), so a journey tested
// here can be replayed unchanged against fcp-low.sbx.dev-franceconnect.fr.
// Every password is "123", as on FranceConnect's sandbox identity providers. "test+<anything>" (any login plus a
// suffix) is the same person under another `sub`: a person FranceConnect has never sent, for repeated test runs.

/**
 * @typedef {object} TestIdentity
 * @property {string} login
 * @property {string} password
 * @property {string} description  what the identity is for, shown on the stand-in's sign-in page
 * @property {Record<string, string>} claims  FranceConnect v2 claims (birthplace is "" for a birth abroad)
 */

/** @type {TestIdentity[]} */
export const testIdentities = [
  {
    login: "test",
    password: "123",
    description: "l'identité de test du bac à sable FranceConnect, née à Paris 7e",
    claims: {
      given_name: "Angela Claire Louise",
      family_name: "DUBOIS",
      preferred_username: "",
      birthdate: "1962-08-24",
      gender: "female",
      birthplace: "75107",
      birthcountry: "99100",
      email: "angela.dubois@example.org",
    },
  },
  {
    login: "etranger",
    password: "123",
    description: "une personne née à l'étranger (Espagne) : pas de commune de naissance",
    claims: {
      given_name: "Mateo",
      family_name: "GARCIA LOPEZ",
      preferred_username: "",
      birthdate: "1985-03-12",
      gender: "male",
      birthplace: "",
      birthcountry: "99134",
      email: "mateo.garcia@example.org",
    },
  },
  {
    login: "prenoms",
    password: "123",
    description: "une personne avec plusieurs prénoms et un nom d'usage, née à Carbon-Blanc",
    claims: {
      given_name: "Marie-Thérèse Jeanne Louise",
      family_name: "MARTIN",
      preferred_username: "LEFÈVRE",
      birthdate: "1979-04-29",
      gender: "female",
      birthplace: "33096",
      birthcountry: "99100",
      email: "marie-therese.lefevre@example.org",
    },
  },
  {
    login: "corse",
    password: "123",
    description: "une personne née en Corse (code commune 2A004, Ajaccio)",
    claims: {
      given_name: "Jean-Baptiste Pascal",
      family_name: "ORSINI",
      preferred_username: "",
      birthdate: "1990-11-05",
      gender: "male",
      birthplace: "2A004",
      birthcountry: "99100",
      email: "jean-baptiste.orsini@example.org",
    },
  },
];

/** Which claims each FranceConnect scope releases (FranceConnect v2, "fournisseur de service" documentation). */
export const claimsByScope = {
  openid: ["sub"],
  given_name: ["given_name", "given_name_array"],
  family_name: ["family_name"],
  preferred_username: ["preferred_username"],
  birthdate: ["birthdate"],
  gender: ["gender"],
  birthplace: ["birthplace"],
  birthcountry: ["birthcountry"],
  email: ["email"],
  profile: ["given_name", "given_name_array", "family_name", "preferred_username", "birthdate", "gender"],
  birth: ["birthplace", "birthcountry"],
  identite_pivot: ["given_name", "given_name_array", "family_name", "birthdate", "gender", "birthplace", "birthcountry"],
};
