/** Locally the portal users live in a file of the data folder: who each user name stands for. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { portalUsername } from '../../shared/domain/portal/portal-link';
import type { PortalUsers } from '../../shared/ports/portal-users';

export class LocalPortalUsers implements PortalUsers {
  private readonly users: Record<string, { tenantId: string; debtorId: string }>;

  constructor(private readonly file?: string) {
    this.users =
      file && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as typeof this.users) : {};
  }

  async ensure(tenantId: string, debtorId: string): Promise<string> {
    const username = portalUsername(tenantId, debtorId);
    if (!this.users[username]) {
      this.users[username] = { tenantId, debtorId };
      if (this.file) {
        mkdirSync(dirname(this.file), { recursive: true });
        writeFileSync(this.file, JSON.stringify(this.users));
      }
    }
    return username;
  }

  find(username: string): { tenantId: string; debtorId: string } | undefined {
    return this.users[username.toLowerCase()];
  }
}
