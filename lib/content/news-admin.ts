import "server-only";
import { audit } from "@/lib/platform/audit";
import { db } from "@/lib/platform/db";
import { assertStorableText, ExpectedError } from "@/lib/platform/errors";
import { authorizeStaff, staffAudit, type Caller } from "@/lib/platform/security/authorize";
import { slugify, type NewsInput } from "./schemas";
import { isUuid } from "@/lib/platform/validation/uuid";

/** The news editor of /admin/actualites: every change checks the caller and goes to the audit log. */
export async function listNewsForStaff(caller: Caller) {
  await authorizeStaff(caller);
  return db().newsItem.findMany({
    orderBy: [{ updatedAt: "desc" }],
    take: 200,
    select: { id: true, slug: true, title: true, publishedAt: true, updatedAt: true, author: { select: { displayName: true } } },
  });
}

export async function getNewsForStaff(caller: Caller, id: string) {
  await authorizeStaff(caller);
  if (!isUuid(id)) return null;
  return db().newsItem.findUnique({
    where: { id },
    select: { id: true, slug: true, title: true, summary: true, body: true, publishedAt: true },
  });
}

async function freeSlug(title: string, exceptId?: string): Promise<string> {
  const base = slugify(title);
  for (let suffix = 1; suffix < 100; suffix += 1) {
    const slug = suffix === 1 ? base : `${base}-${suffix}`;
    const taken = await db().newsItem.findUnique({ where: { slug }, select: { id: true } });
    if (!taken || taken.id === exceptId) return slug;
  }
  throw new ExpectedError("Trop d'actualités portent déjà ce titre : choisissez-en un autre.", "title");
}

export async function createNews(caller: Caller, input: NewsInput): Promise<{ id: string; slug: string }> {
  const actor = await authorizeStaff(caller);
  assertStorableText(input);
  const created = await db().newsItem.create({
    data: {
      slug: await freeSlug(input.title),
      title: input.title,
      summary: input.summary,
      body: input.body,
      publishedAt: input.publish ? new Date() : null,
      authorId: actor.id,
    },
    select: { id: true, slug: true },
  });
  await audit({
    ...staffAudit(actor),
    action: "news.created",
    targetType: "NewsItem",
    targetId: created.id,
    details: { title: input.title, published: input.publish },
  });
  return created;
}

export async function updateNews(caller: Caller, id: string, input: NewsInput): Promise<void> {
  const actor = await authorizeStaff(caller);
  assertStorableText(input);
  const existing = isUuid(id) ? await db().newsItem.findUnique({ where: { id }, select: { publishedAt: true } }) : null;
  if (!existing) throw new ExpectedError("Cette actualité n'existe plus.");
  // The address of a published item stays as it was (links already shared keep working).
  const slug = existing.publishedAt ? undefined : await freeSlug(input.title, id);
  // Publication is its own action (setNewsPublished): an edit leaves it as it is.
  await db().newsItem.update({
    where: { id },
    data: { title: input.title, summary: input.summary, body: input.body, ...(slug ? { slug } : {}) },
  });
  await audit({ ...staffAudit(actor), action: "news.updated", targetType: "NewsItem", targetId: id, details: { title: input.title } });
}

export async function setNewsPublished(caller: Caller, id: string, publish: boolean): Promise<void> {
  const actor = await authorizeStaff(caller);
  if (!isUuid(id)) throw new ExpectedError("Cette actualité n'existe plus.");
  const { count } = await db().newsItem.updateMany({
    where: { id, publishedAt: publish ? null : { not: null } },
    data: { publishedAt: publish ? new Date() : null },
  });
  if (count)
    await audit({ ...staffAudit(actor), action: publish ? "news.published" : "news.unpublished", targetType: "NewsItem", targetId: id });
}

export async function deleteNews(caller: Caller, id: string): Promise<void> {
  const actor = await authorizeStaff(caller);
  const deleted = isUuid(id) ? await db().newsItem.deleteMany({ where: { id } }) : { count: 0 };
  if (!deleted.count) throw new ExpectedError("Cette actualité n'existe plus.");
  await audit({ ...staffAudit(actor), action: "news.deleted", targetType: "NewsItem", targetId: id });
}
