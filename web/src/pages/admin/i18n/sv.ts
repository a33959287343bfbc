import { svAudit } from './audit';
import { svCampaigns } from './campaigns';
import { svEditor } from './editor';
import { svErasure } from './erasure';
import { svFormerContact } from './former-contact';
import { svImport } from './import';
import { svOrganisation } from './organisation';
import { svOrganisations } from './organisations';
import { svProgress } from './progress';
import { svReminders } from './reminders';
import { svReview } from './review';
import { svSettings } from './settings';
import { svConsole } from './sv-console';

/**
 * Every Swedish console string: what the console shows (sv-console, which ships with every console
 * page) and each part a page adds with its chunk (addAdminStrings). en.ts has the same keys. The app
 * never bundles this object: it is the source of the key type and of the tests' dictionary.
 */
export const sv = {
  ...svConsole,
  ...svProgress,
  ...svReminders,
  ...svCampaigns,
  ...svOrganisation,
  ...svOrganisations,
  ...svErasure,
  ...svFormerContact,
  ...svImport,
  ...svReview,
  ...svAudit,
  ...svEditor,
  ...svSettings,
} as const;

export type AdminKey = keyof typeof sv;
