/** The fields the organisation form edits, as PATCH /api/admin/organisations/{code} takes them (null clears). */
export interface OrganisationEdit {
  name: string;
  population: number | null;
  memberSince: string | null;
  memberUntil: string | null;
}

/**
 * Only what the person changed against the organisation as the form loaded it. The PATCH is partial,
 * so a field someone else changed meanwhile (another admin's new membership end, say) is not put
 * back to what this form showed; and the dates are named only when they change, which is when the
 * API ends the sessions that carry the old ones.
 */
export function organisationPatch(
  edited: OrganisationEdit,
  loaded: { name: string; population?: number; memberSince?: string; memberUntil?: string },
): Partial<OrganisationEdit> {
  const patch: Partial<OrganisationEdit> = {};
  if (edited.name !== loaded.name) patch.name = edited.name;
  if (edited.population !== (loaded.population ?? null)) patch.population = edited.population;
  if (edited.memberSince !== (loaded.memberSince ?? null)) patch.memberSince = edited.memberSince;
  if (edited.memberUntil !== (loaded.memberUntil ?? null)) patch.memberUntil = edited.memberUntil;
  return patch;
}
