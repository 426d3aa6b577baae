import { z } from 'zod';
import { choice, choiceParam, pageParam, searchParam } from '../../lib/fields.js';

export const ROLE_LABELS = { MEMBER: 'Mitglied', ORGANIZER: 'Organisator/in (KOG)', ADMIN: 'Administrator/in' } as const;
export const STATUS_LABELS = { PENDING: 'wartet auf Freischaltung', ACTIVE: 'aktiv', DISABLED: 'gesperrt' } as const;

export const userFilterSchema = z.object({
  q: searchParam(),
  status: choiceParam(['PENDING', 'ACTIVE', 'DISABLED']),
  role: choiceParam(['MEMBER', 'ORGANIZER', 'ADMIN']),
  seite: pageParam,
});

export const outboxFilterSchema = z.object({ seite: pageParam });

export const roleSchema = z.object({ role: choice(['MEMBER', 'ORGANIZER', 'ADMIN'], 'Bitte eine gültige Rolle wählen.') });
