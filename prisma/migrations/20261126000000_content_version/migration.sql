-- One number that grows with every committed change to the site's content: every table except the operational ones
-- listed below (sessions, jobs, mail, tokens, limits). A logged-in request reads it together with its session
-- (middleware/session.ts), so what reads the same for everyone – a list's page count, a filter's choices, a topic
-- page, a search – can be kept in memory for as long as the number stays the same (lib/cache.ts, sharedResults):
-- whoever changed something reads the new number on the next request and never sees the old result, on any app
-- instance. The visitors' page cache checks it about once a second (middleware/page-cache.ts).
--
-- A new table gets the trigger in its own migration; tests/content-version.test.ts fails for a table without it.
--
-- The number moves when the changing transaction commits (deferred constraint triggers): it cannot be read before
-- the change is visible, and the row is locked only in the moment of the commit, so two writers never wait on
-- each other in opposite order (no deadlock). Only the first changed row of a transaction counts (the
-- transaction-local setting below): a bulk import bumps it once.

CREATE TABLE "content_version" (
    "id" BOOLEAN PRIMARY KEY DEFAULT true CHECK ("id"),
    "version" INTEGER NOT NULL DEFAULT 0
);
INSERT INTO "content_version" ("id", "version") VALUES (true, 0);

CREATE FUNCTION keb_content_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('keb.content_changed', true) IS DISTINCT FROM txid_current()::text THEN
    PERFORM set_config('keb.content_changed', txid_current()::text, true);
    UPDATE "content_version" SET "version" = "version" + 1;
  END IF;
  RETURN NULL;
END $$;

-- People: every column but the bookkeeping of logins and private settings is shown somewhere.
CREATE CONSTRAINT TRIGGER "users_content_changed" AFTER INSERT OR DELETE
    OR UPDATE OF "name", "status", "role", "alliance_id", "listed_in_directory", "public_on_alliance_page", "mandate", "directory_note", "is_delegate"
    ON "users" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION keb_content_changed();

DO $$
DECLARE
  t text;
BEGIN
  FOR t IN
    SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename NOT IN (
      'users', '_prisma_migrations', 'content_version', 'session', 'jobs', 'outbox_mails', 'rate_limits', 'known_logins',
      'password_reset_tokens', 'email_change_requests', 'reference_data_loads', 'meeting_reminders')
  LOOP
    EXECUTE format('CREATE CONSTRAINT TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION keb_content_changed()', t || '_content_changed', t);
  END LOOP;
END $$;
