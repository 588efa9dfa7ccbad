import type { Metadata } from "next";
import { townWithOverrides } from "@/lib/platform/town/settings";

export const metadata: Metadata = { title: "Contacts" };

export default async function ContactsPage() {
  const { contact, name } = await townWithOverrides();
  return (
    <div className="card mx-auto max-w-2xl">
      <h1 className="page-title mb-6">Contacts</h1>
      <h2 className="mb-2 text-lg font-bold">
        {contact.service} – {name}
      </h2>
      <address className="mb-4 not-italic">
        {contact.address.map((line) => (
          <span key={line} className="block">
            {line}
          </span>
        ))}
      </address>
      <p className="mb-1">
        Téléphone :{" "}
        <a className="link" href={`tel:${contact.phone.replace(/\s/g, "")}`}>
          {contact.phone}
        </a>
      </p>
      <p className="mb-4">
        Courriel :{" "}
        <a className="link" href={`mailto:${contact.email}`}>
          {contact.email}
        </a>
      </p>
      <h2 className="mb-2 text-lg font-bold">Horaires d&apos;accueil</h2>
      <ul>
        {contact.hours.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </div>
  );
}
