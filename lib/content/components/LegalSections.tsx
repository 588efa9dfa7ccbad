export function LegalSections({ sections }: { sections: { title: string; paragraphs: string[] }[] }) {
  return (
    <>
      {sections.map((section) => (
        <section key={section.title} className="mb-6">
          <h3 className="mb-2 text-lg font-bold text-slate-900">{section.title}</h3>
          {section.paragraphs.map((paragraph) => (
            <p key={paragraph} className="mb-2">
              {paragraph}
            </p>
          ))}
        </section>
      ))}
    </>
  );
}
