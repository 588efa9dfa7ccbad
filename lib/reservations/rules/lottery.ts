import { createHash } from "node:crypto";

/**
 * The order a lottery gives to the children who asked during the opening window: each child's rank is the
 * SHA-256 of the recorded seed and the child's id, so anyone holding the seed can replay the draw, and a family
 * gains nothing by sending more requests (all of a child's requests share one rank).
 *
 * With priority rules, the children are first sorted by the rules, in the activity's order: meeting the first
 * rule goes before not meeting it, ties are broken by the second, and so on; the seeded rank orders each tier.
 * The tiers are recorded with the seed (audit log), so the draw stays reproducible.
 */
export const LOTTERY_PRIORITIES = {
  RESIDENT: "Famille résidant dans la commune",
  SIBLING: "Frère ou sœur inscrit à la même session",
  WORKING_PARENTS: "Parents qui travaillent tous les deux (ou parent seul qui travaille)",
} as const;
export type LotteryPriority = keyof typeof LOTTERY_PRIORITIES;

export function isLotteryPriority(value: string): value is LotteryPriority {
  return Object.hasOwn(LOTTERY_PRIORITIES, value);
}

/** `tiers`: for each child, one 0/1 per rule, in the activity's order (a child missing from it meets none). */
export function lotteryOrder(
  seed: string,
  childIds: readonly string[],
  tiers: ReadonlyMap<string, readonly number[]> = new Map(),
): string[] {
  const unique = [...new Set(childIds)];
  const rank = new Map(unique.map((id) => [id, createHash("sha256").update(`${seed}:${id}`).digest("hex")]));
  const width = Math.max(0, ...[...tiers.values()].map((tier) => tier.length));
  const tierOf = (id: string) => Array.from({ length: width }, (_, index) => tiers.get(id)?.[index] ?? 0);
  return unique.sort((a, b) => {
    const [tierA, tierB] = [tierOf(a), tierOf(b)];
    for (let index = 0; index < width; index += 1) if (tierA[index] !== tierB[index]) return tierB[index]! - tierA[index]!;
    return rank.get(a)! < rank.get(b)! ? -1 : rank.get(a)! > rank.get(b)! ? 1 : 0;
  });
}
