import { type Admin, AdminSchema } from '../../../shared/schemas/admin.schema';
import type { TableStore } from '../../ports/table-store';
import { keys, normaliseEmail } from '../../store/table-design';

export { type Admin, AdminSchema };

/** Kansli staff who may use the console. */
export class AdminRepository {
  constructor(private readonly store: TableStore) {}

  async get(email: string): Promise<Admin | undefined> {
    const item = await this.store.get(keys.admin(normaliseEmail(email)));
    return item ? AdminSchema.parse(item) : undefined;
  }

  async list(): Promise<Admin[]> {
    const items = await this.store.queryAll({ partition: keys.adminPk, beginsWith: keys.adminPrefix });
    return items.map((item) => AdminSchema.parse(item));
  }

  /** Adds the admin unless already there; answers whether it was added. */
  async addIfAbsent(admin: Admin): Promise<boolean> {
    try {
      await this.store.put({ ...keys.admin(admin.email), entity: 'Admin', ...admin }, { kind: 'absent' });
      return true;
    } catch (error) {
      if ((error as { code?: string }).code === 'already_exists') return false;
      throw error;
    }
  }

  async delete(email: string): Promise<void> {
    await this.store.delete(keys.admin(email), { kind: 'exists' });
  }
}
