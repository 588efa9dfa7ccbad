import {
  activationMail,
  declarationReceivedMail,
  decisionMail,
  emailChangeMail,
  escapeHtml,
  passwordResetMail,
  type MailContent,
} from "@/lib/platform/mail/templates";
import { carbonBlanc } from "@/lib/platform/town/towns/carbon-blanc";

const maurice = { civility: "MONSIEUR", usageName: "Testo", firstNames: "Maurice" } as const;
const link = "https://espace-famille.carbon-blanc.fr/activation?jeton=abc123_DEF-456";

/** The HTML as a mail client reads it: tags dropped, entities decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<(style|title)[^>]*>[\s\S]*?<\/\1>/g, "")
    .replace(/<br>/g, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
}

/** Every href of the HTML, decoded. */
function hrefs(html: string): string[] {
  return [...html.matchAll(/<a [^>]*href="([^"]*)"[^>]*>([^<]*)<\/a>/g)].map((match) => visibleText(match[1]!));
}

function every(): [string, MailContent][] {
  return [
    ["activation", activationMail({ ...maurice, login: "maurice.testo", link, validHours: 48 }, carbonBlanc)],
    ["password reset", passwordResetMail({ ...maurice, link, validMinutes: 30 }, carbonBlanc)],
    ["email change", emailChangeMail({ ...maurice, link, validHours: 24 }, carbonBlanc)],
    ["declaration received", declarationReceivedMail({ ...maurice, reference: "D-2026-000123", link }, carbonBlanc)],
    ["decision", decisionMail({ ...maurice, decision: "ACCEPTED", link }, carbonBlanc)],
  ];
}

describe("mail templates", () => {
  test.each(every())("%s: greeting, town, link in both versions, accessible HTML", (_, mail) => {
    expect(mail.text).toMatch(/^Bonjour M\. Maurice TESTO,\n/);
    expect(visibleText(mail.html)).toContain("Bonjour M. Maurice TESTO,");
    expect(mail.subject).toMatch(/ – Espace Famille$/);

    for (const version of [mail.text, visibleText(mail.html)]) {
      expect(version).toContain("Ville de Carbon-Blanc");
      expect(version).toContain(link);
      expect(version).toContain("espace-famille@carbon-blanc.fr");
    }

    expect(mail.html).toMatch(/^<!DOCTYPE html>\n<html lang="fr">/);
    expect(mail.html).toContain(`<title>${escapeHtml(mail.subject)}</title>`);
    expect(mail.html).not.toContain("<img");
    // A real link text, not the bare address and not "cliquez ici".
    const [anchor] = [...mail.html.matchAll(/<a [^>]*>([^<]*)<\/a>/g)];
    expect(anchor?.[1]).toMatch(/^[A-ZÀ-Ü][a-zà-ü ]+/);
    expect(anchor?.[1]).not.toMatch(/cliquez ici|https?:/i);
    expect(hrefs(mail.html)).toEqual([link]);
  });

  test("activation: subject, login and validity as a parent reads them", () => {
    const mail = activationMail({ ...maurice, login: "maurice.testo", link, validHours: 48 }, carbonBlanc);
    expect(mail.subject).toBe("Activez votre compte personnel – Espace Famille");
    expect(mail.text).toContain("Votre identifiant : maurice.testo");
    expect(mail.text).toContain("Ce lien est valable 48 heures et ne peut servir qu'une fois.");
    expect(mail.text).toContain(`Activer mon compte :\n${link}`);
    expect(mail.html).toContain(`>Activer mon compte</a>`);
  });

  test("a woman is greeted as Mme, and a single hour or minute is singular", () => {
    const mail = passwordResetMail(
      { civility: "MADAME", usageName: "de la Tour", firstNames: "Anne-Marie", link, validMinutes: 1 },
      carbonBlanc,
    );
    expect(mail.text).toMatch(/^Bonjour Mme Anne-Marie DE LA TOUR,/);
    expect(mail.text).toContain("Ce lien est valable 1 minute et");
    expect(emailChangeMail({ ...maurice, link, validHours: 1 }, carbonBlanc).text).toContain("valable 1 heure et");
    expect(passwordResetMail({ ...maurice, link, validMinutes: 30 }, carbonBlanc).subject).toBe(
      "Réinitialisez votre mot de passe – Espace Famille",
    );
  });

  test("every user-provided value is escaped in the HTML", () => {
    const hostile = '<script>alert("x")</script>&\'';
    const mail = decisionMail(
      {
        civility: "MADAME",
        usageName: hostile,
        firstNames: `<b onmouseover="x">Zoé</b>`,
        decision: "REFUSED",
        message: `Pièce manquante <img src=x onerror=alert(1)>\nMerci "de" renvoyer`,
        reference: "<i>D-1</i>",
        link: `https://example.org/d?a=1&b="2"<x>`,
      },
      carbonBlanc,
    );
    const login = activationMail({ ...maurice, login: '"><svg onload=alert(1)>', link, validHours: 1 }, carbonBlanc);
    // Only the templates' own tags, and only their own attributes: nothing typed opens a tag or an attribute.
    for (const html of [mail.html, login.html]) {
      const tags = new Set([...html.matchAll(/<\/?([a-z0-9!]+)/gi)].map((match) => match[1]!.toLowerCase()));
      expect([...tags].sort()).toEqual(
        ["!doctype", "a", "blockquote", "body", "br", "div", "h1", "head", "html", "meta", "p", "span", "strong", "title"].filter((tag) =>
          tags.has(tag),
        ),
      );
      expect(tags.has("script") || tags.has("img") || tags.has("svg")).toBe(false);
      const attributes = new Set([...html.matchAll(/\s([a-z-]+)="/g)].map((match) => match[1]));
      expect([...attributes].sort()).toEqual(
        ["charset", "content", "href", "lang", "name", "style"].filter((name) => attributes.has(name)),
      );
    }
    // Escaped, not dropped: the parent still reads what was typed.
    expect(visibleText(mail.html)).toContain("Zoé");
    expect(visibleText(mail.html)).toContain("Pièce manquante <img src=x onerror=alert(1)>");
    expect(visibleText(login.html)).toContain('"><svg onload=alert(1)>');
    // The href attribute cannot be closed by the link.
    expect(mail.html).toContain('href="https://example.org/d?a=1&#38;b=%222%22%3Cx%3E"');
  });

  test("decisions: each outcome has its own subject, and the staff message is quoted in both versions", () => {
    const subjects = (["ACCEPTED", "REFUSED", "NEEDS_CORRECTION"] as const).map(
      (decision) => decisionMail({ ...maurice, decision, link }, carbonBlanc).subject,
    );
    expect(subjects).toEqual([
      "Votre déclaration a été acceptée – Espace Famille",
      "Votre déclaration a été refusée – Espace Famille",
      "Votre déclaration est à compléter – Espace Famille",
    ]);

    const mail = decisionMail(
      {
        ...maurice,
        decision: "NEEDS_CORRECTION",
        reference: "D-2026-000123",
        message: "Le justificatif de domicile manque.\nMerci.",
        link,
      },
      carbonBlanc,
    );
    expect(mail.subject).toBe("Votre déclaration est à compléter (référence D-2026-000123) – Espace Famille");
    expect(mail.text).toContain("Ce qui est à compléter :\n> Le justificatif de domicile manque.\n> Merci.");
    expect(mail.html).toContain("<blockquote");
    expect(visibleText(mail.html)).toContain("Le justificatif de domicile manque.\nMerci.");
    expect(mail.html).toContain(">Compléter ma déclaration</a>");

    expect(decisionMail({ ...maurice, decision: "ACCEPTED", message: "  ", link }, carbonBlanc).html).not.toContain("<blockquote");
  });

  test("declaration received: the reference in subject and body, the link is optional", () => {
    const mail = declarationReceivedMail({ ...maurice, reference: "D-2026-000123" }, carbonBlanc);
    expect(mail.subject).toBe("Déclaration reçue (référence D-2026-000123) – Espace Famille");
    expect(mail.text).toContain("Référence : D-2026-000123");
    expect(mail.html).not.toContain("<a ");
  });

  test("line breaks cannot reach the subject or the greeting", () => {
    const mail = declarationReceivedMail({ ...maurice, firstNames: "Maurice\r\nBcc: x@y", reference: "D-1\nBcc: x@y" }, carbonBlanc);
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.text.split("\n")[0]).toBe("Bonjour M. Maurice Bcc: x@y TESTO,");
  });

  test("a link that is not an absolute http(s) URL is refused, without echoing it", () => {
    for (const bad of ["/activation?jeton=secret", "javascript:alert(1)//secret", "data:text/html,secret"]) {
      expect(() => activationMail({ ...maurice, login: "m", link: bad, validHours: 1 }, carbonBlanc)).toThrow(/^Mail link/);
      try {
        activationMail({ ...maurice, login: "m", link: bad, validHours: 1 }, carbonBlanc);
      } catch (error) {
        expect((error as Error).message).not.toContain("secret");
      }
    }
    expect(() => passwordResetMail({ ...maurice, link, validMinutes: 0 }, carbonBlanc)).toThrow(/validity/);
  });

  test("the town comes from the argument, not from the environment", () => {
    const other = { ...carbonBlanc, name: "Ville de Lormont", portalName: "Portail Famille" };
    const mail = activationMail({ ...maurice, login: "m", link, validHours: 1 }, other);
    expect(mail.subject).toBe("Activez votre compte personnel – Portail Famille");
    expect(mail.text).toContain("portail Portail Famille (Ville de Lormont)");
    expect(mail.text).not.toContain("Carbon-Blanc (");
  });
});
