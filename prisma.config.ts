// Configuration for the Prisma CLI (generate; migrate status on a connected machine).
// The app itself applies migrations with its own migrator (src/db/migrator.ts).
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost/unused' },
});
