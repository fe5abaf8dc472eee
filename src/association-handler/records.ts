import { targetPath } from './ownership';
import { OwnershipRecord, RecordsOfTarget, RecordStore, TargetKind } from './types';

/**
 * The ownership records' protocol, as one association follows it on one target: read every
 * record of the target, announce what it lists or that it lets go (write, then read again), keep
 * its own record, and forget records. Which roles to attach or detach is plan()'s; this is only how
 * the records are written and read so that two associations never miss each other's intent.
 *
 * Write, then read: of two associations that announce at the same moment, at least the second to
 * read again sees the other's announcement (Parameter Store reads after a write see it).
 */
export class TargetRecords {
  /** Every record of the target, as last read (its own included, as announced). */
  public all: RecordsOfTarget = new Map();

  private readonly path: string;

  /**
   * @param store where records are kept
   * @param self this association's record name
   * @param call how each store call is made (throttling tried again)
   */
  constructor(
    private readonly store: RecordStore,
    kind: TargetKind,
    name: string,
    public readonly self: string,
    private readonly call: <T>(fn: () => Promise<T>) => Promise<T>,
  ) {
    this.path = targetPath(kind, name);
  }

  /** This association's record, as last read or written. */
  public get mine(): OwnershipRecord | undefined {
    return this.all.get(this.self);
  }

  /** Reads every record of the target. */
  public async read(): Promise<void> {
    this.all = await this.call(() => this.store.list(this.path));
  }

  /**
   * Announces that this association lets go of everything (it keeps owning what is attached until
   * it is detached), then reads again: an association of the target that starts to list one of its
   * roles right now is seen, and so is one letting go of the same role.
   */
  public async announceRelease(): Promise<void> {
    const mine = this.mine!;
    const released: OwnershipRecord = { listed: [], owned: mine.owned, defaultRole: mine.defaultRole, released: true };
    await this.call(() => this.store.put(this.self, released));
    await this.read();
    this.all.set(this.self, released);
  }

  /**
   * Announces the roles this association lists before the target is read, then reads again: an
   * association of the target that is letting them go right now keeps them.
   */
  public async announceListing(roles: string[]): Promise<void> {
    const mine = this.mine;
    const announced: OwnershipRecord = { ...mine ?? { owned: [] }, listed: [...new Set([...mine?.listed ?? [], ...roles])], released: undefined };
    await this.call(() => this.store.put(this.self, announced));
    await this.read();
    this.all.set(this.self, announced);
  }

  /** Writes this association's record. */
  public async keep(record: OwnershipRecord): Promise<void> {
    await this.call(() => this.store.put(this.self, record));
    this.all.set(this.self, record);
  }

  /** Deletes records: this association's own by default, or those of associations that let go. */
  public async forget(names: string[] = [this.self]): Promise<void> {
    for (const name of names) {
      await this.call(() => this.store.delete(name));
      this.all.delete(name);
    }
  }
}
