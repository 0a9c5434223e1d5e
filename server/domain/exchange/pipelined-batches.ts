/** Rows per batched upsert of an import step. */
export const BATCH_SIZE = 1000;

/**
 * Collects parsed items and writes them BATCH_SIZE at a time, deduplicated by 1C id (the last
 * one wins). A full batch goes to the database and `push` returns at once, so the file is parsed
 * on while PostgreSQL writes; one batch is in flight at a time, so batches land in order and a
 * failure surfaces on the next push or at flush.
 */
export abstract class PipelinedBatches<T extends { erpId: string }> {
  private inflight: Promise<void> | null = null;
  private failure: unknown = null;
  private pending: T[] = [];

  protected abstract writeBatch(batch: T[]): Promise<void>;

  protected async push(item: T): Promise<void> {
    this.pending.push(item);
    if (this.pending.length >= BATCH_SIZE) await this.dispatch();
  }

  private async dispatch(): Promise<void> {
    await this.settle();
    this.inflight = this.write().catch((error: unknown) => {
      this.failure = error;
    });
  }

  private async settle(): Promise<void> {
    await this.inflight;
    this.inflight = null;
    if (this.failure) throw this.failure;
  }

  /** Writes what is left and waits for every batch. */
  async flush(): Promise<void> {
    await this.settle();
    await this.write();
  }

  private async write(): Promise<void> {
    if (this.pending.length === 0) return;
    const batch = [...new Map(this.pending.map((item) => [item.erpId, item])).values()];
    this.pending = [];
    await this.writeBatch(batch);
  }
}
