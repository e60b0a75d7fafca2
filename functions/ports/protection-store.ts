// Port: what abuse protection remembers in the table — the challenge solutions already used (each works once).

export interface ProtectionStore {
  /**
   * Marks a solution used; false when it was used before (a replay). `expiresAt` (epoch ms) is when its
   * challenge expires: the mark is kept until then, after which the challenge itself is refused.
   */
  useSolutionOnce(solutionId: string, expiresAt: number): Promise<boolean>;
}
