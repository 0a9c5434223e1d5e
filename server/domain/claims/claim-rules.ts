export const CLAIM_STATUS_LIST = ["new", "in_work", "under_review", "closed"] as const;
export type ClaimStatus = (typeof CLAIM_STATUS_LIST)[number];

/** The claim's life: taken into work, put under review (back to work if more is needed), closed with a resolution from any open state. */
const NEXT: Record<ClaimStatus, readonly ClaimStatus[]> = {
  new: ["in_work", "closed"],
  in_work: ["under_review", "closed"],
  under_review: ["in_work", "closed"],
  closed: [],
};

export function nextClaimStatuses(status: ClaimStatus): readonly ClaimStatus[] {
  return NEXT[status];
}

export function mayMoveClaim(from: ClaimStatus, to: ClaimStatus): boolean {
  return NEXT[from].includes(to);
}

/** A claimed quantity is positive and at most what was ordered on that line. */
export function claimQuantityProblem(claimed: number, ordered: number): string | null {
  if (!(claimed > 0)) return "Quantity must be positive";
  if (claimed > ordered + 1e-9) return `At most ${ordered} (ordered)`;
  return null;
}

export const CLAIM_FILE_TYPES = ["image/jpeg", "image/png", "image/webp", "application/pdf"] as const;
export const CLAIM_FILE_MAX_BYTES = 5 * 1024 * 1024;
export const CLAIM_FILES_MAX = 5;
