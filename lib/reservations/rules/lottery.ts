import { createHash } from "node:crypto";

/**
 * The order a lottery gives to the children who asked during the opening window: each child's rank is the
 * SHA-256 of the recorded seed and the child's id, so anyone holding the seed can replay the draw, and a family
 * gains nothing by sending more requests (all of a child's requests share one rank).
 */
export function lotteryOrder(seed: string, childIds: readonly string[]): string[] {
  const unique = [...new Set(childIds)];
  const rank = new Map(unique.map((id) => [id, createHash("sha256").update(`${seed}:${id}`).digest("hex")]));
  return unique.sort((a, b) => (rank.get(a)! < rank.get(b)! ? -1 : rank.get(a)! > rank.get(b)! ? 1 : 0));
}
