-- Hardening: revocable sessions, background jobs and the mail queue, confirmed address changes,
-- logins from known addresses, archived alliances, names unique regardless of case and Unicode form,
-- search that tolerates umlaut spellings and small typos.

-- Sessions: a revoked session stays as a tombstone, so that a request in flight cannot save it again.
ALTER TABLE "session" ADD COLUMN "revoked_at" TIMESTAMPTZ(3);
CREATE INDEX "session_user_id_idx" ON "session" ((sess->>'userId')) WHERE "revoked_at" IS NULL;

-- Mail: queued for the worker; a secret link is kept apart from the text admins can read.
ALTER TYPE "outbox_status" ADD VALUE 'QUEUED' AFTER 'STORED';
ALTER TABLE "outbox_mails" ADD COLUMN "secret_link" TEXT;

-- CreateTable
CREATE TABLE "jobs" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "unique_key" TEXT,
    "run_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "max_attempts" INTEGER NOT NULL DEFAULT 6,
    "locked_until" TIMESTAMPTZ(3),
    "last_error" TEXT,
    "done_at" TIMESTAMPTZ(3),
    "failed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "jobs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "jobs_unique_key_key" ON "jobs"("unique_key");

-- CreateIndex
CREATE INDEX "jobs_run_at_idx" ON "jobs"("run_at");

-- The worker only ever looks for jobs that still wait.
CREATE INDEX "jobs_waiting_idx" ON "jobs"("run_at") WHERE "done_at" IS NULL AND "failed_at" IS NULL;

-- CreateTable
CREATE TABLE "email_change_requests" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "new_email" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "email_change_requests_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "email_change_requests_new_email_lowercase" CHECK ("new_email" = lower("new_email"))
);

-- CreateIndex
CREATE UNIQUE INDEX "email_change_requests_token_hash_key" ON "email_change_requests"("token_hash");

-- CreateIndex
CREATE INDEX "email_change_requests_user_id_idx" ON "email_change_requests"("user_id");

-- AddForeignKey
ALTER TABLE "email_change_requests" ADD CONSTRAINT "email_change_requests_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "known_logins" (
    "user_id" INTEGER NOT NULL,
    "ip_hash" TEXT NOT NULL,
    "last_login_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "known_logins_pkey" PRIMARY KEY ("user_id","ip_hash")
);

-- AddForeignKey
ALTER TABLE "known_logins" ADD CONSTRAINT "known_logins_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Alliances that dissolved are archived, not deleted.
ALTER TABLE "alliances" ADD COLUMN "archived_at" TIMESTAMPTZ(3);

-- Names are stored NFC-normalised and unique regardless of case and Unicode form.
UPDATE "topics" SET "name" = normalize("name", NFC) WHERE "name" IS NOT NFC NORMALIZED;
UPDATE "networks" SET "name" = normalize("name", NFC) WHERE "name" IS NOT NFC NORMALIZED;
UPDATE "alliances" SET "name" = normalize("name", NFC) WHERE "name" IS NOT NFC NORMALIZED;
UPDATE "users" SET "name" = normalize("name", NFC) WHERE "name" IS NOT NFC NORMALIZED;
ALTER TABLE "topics" ADD CONSTRAINT "topics_name_nfc" CHECK ("name" IS NFC NORMALIZED);
ALTER TABLE "networks" ADD CONSTRAINT "networks_name_nfc" CHECK ("name" IS NFC NORMALIZED);
ALTER TABLE "alliances" ADD CONSTRAINT "alliances_name_nfc" CHECK ("name" IS NFC NORMALIZED);
ALTER TABLE "users" ADD CONSTRAINT "users_name_nfc" CHECK ("name" IS NFC NORMALIZED);
DROP INDEX "topics_name_key";
CREATE UNIQUE INDEX "topics_name_folded_key" ON "topics" (lower(normalize("name", NFC)));
CREATE UNIQUE INDEX "networks_name_folded_key" ON "networks" (lower(normalize("name", NFC)));

-- Search that finds "Müller" for "Muller" or "Mueller" and "Weinstraße" for "weinstrasse", and tolerates
-- small typos (trigram similarity). Both extensions ship with every PostgreSQL and are "trusted": the
-- database owner may create them without superuser rights.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- lower-case, accents removed (ß → ss, é → e), and German ae/oe/ue folded onto a/o/u, so that every
-- spelling of an umlaut meets. IMMUTABLE so that indexes can use it (the unaccent dictionary is fixed).
CREATE FUNCTION keb_fold(text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT regexp_replace(lower(public.unaccent('public.unaccent'::regdictionary, $1)), '([aou])e', '\1', 'g') $$;

-- The folded text each directory search looks at, computed by the database on every write.
ALTER TABLE "alliances" ADD COLUMN "search_text" TEXT GENERATED ALWAYS AS (keb_fold("name" || ' ' || "municipality" || ' ' || coalesce("district", ''))) STORED;
CREATE INDEX "alliances_search_idx" ON "alliances" USING gin ("search_text" gin_trgm_ops);
ALTER TABLE "users" ADD COLUMN "search_text" TEXT GENERATED ALWAYS AS (keb_fold("name")) STORED;
CREATE INDEX "users_search_idx" ON "users" USING gin ("search_text" gin_trgm_ops);

-- The alliance directory pages through active alliances in name order (German collation), also per Bundesland.
CREATE INDEX "alliances_directory_idx" ON "alliances" ("name", "id") WHERE "archived_at" IS NULL;
CREATE INDEX "alliances_state_directory_idx" ON "alliances" ("state", "name", "id") WHERE "archived_at" IS NULL;

-- The members' directory pages through listed people in name order (German collation).
CREATE INDEX "users_directory_idx" ON "users" ("name", "id") WHERE "status" = 'ACTIVE' AND "listed_in_directory";
