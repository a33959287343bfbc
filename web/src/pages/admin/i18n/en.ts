import { enAudit } from './audit';
import { enCampaigns } from './campaigns';
import { enEditor } from './editor';
import { enConsole } from './en-console';
import { enErasure } from './erasure';
import { enFormerContact } from './former-contact';
import { enImport } from './import';
import { enOrganisation } from './organisation';
import { enOrganisations } from './organisations';
import { enProgress } from './progress';
import { enReminders } from './reminders';
import { enReview } from './review';
import { enSettings } from './settings';
import type { AdminKey } from './sv';

/** Every English console string, typed against the Swedish keys; never bundled (as sv.ts). */
export const en: Record<AdminKey, string> = {
  ...enConsole,
  ...enProgress,
  ...enReminders,
  ...enCampaigns,
  ...enOrganisation,
  ...enOrganisations,
  ...enErasure,
  ...enFormerContact,
  ...enImport,
  ...enReview,
  ...enAudit,
  ...enEditor,
  ...enSettings,
};
