import { z } from 'zod';
import { pageParam, searchParam } from '../../lib/forms.js';

export const ROLE_LABELS = { MEMBER: 'Mitglied', ORGANIZER: 'Organisator/in (KOG)', ADMIN: 'Administrator/in' } as const;
export const STATUS_LABELS = { PENDING: 'wartet auf Freischaltung', ACTIVE: 'aktiv', DISABLED: 'gesperrt' } as const;

// Unknown filter values are ignored rather than answered with an error: these come from links and bookmarks.
export const userFilterSchema = z.object({
  q: searchParam,
  status: z.enum(['PENDING', 'ACTIVE', 'DISABLED']).optional().catch(undefined),
  role: z.enum(['MEMBER', 'ORGANIZER', 'ADMIN']).optional().catch(undefined),
  seite: pageParam,
});

export const roleSchema = z.object({
  role: z.enum(['MEMBER', 'ORGANIZER', 'ADMIN'], { error: 'Bitte eine gültige Rolle wählen.' }),
});
