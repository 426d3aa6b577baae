-- Meeting and network search without folding every row's text on every search (measured by npm run bench: 150 ms
-- of database time per search at 300 meetings). The folded text (see keb_fold in the hardening migration) is kept
-- in "search_text" with a trigram index, like the directories' search columns; a search finds it when the text
-- contains the query. Small typos are forgiven in the title or name only ("search_title", "search_name"): word
-- similarity against a whole long text costs about 0.1 ms per row and finds too much.
--
-- A meeting's text includes the agenda's item titles once the agenda went out, so it cannot be a generated
-- column: triggers keep it current.

ALTER TABLE "meetings" ADD COLUMN "search_text" TEXT NOT NULL DEFAULT '';

CREATE FUNCTION keb_meeting_search_text(meeting_id integer, title text, venue_name text, address text, purpose text, agenda_published_at timestamptz)
    RETURNS text LANGUAGE sql STABLE
    AS $$ SELECT keb_fold(title || ' ' || coalesce(venue_name, '') || ' ' || coalesce(address, '') || ' ' || purpose || ' ' ||
      CASE WHEN agenda_published_at IS NULL THEN ''
           ELSE coalesce((SELECT string_agg(a.title, ' ' ORDER BY a.id) FROM agenda_items a WHERE a.meeting_id = keb_meeting_search_text.meeting_id), '') END) $$;

CREATE FUNCTION meetings_search_text() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_text := keb_meeting_search_text(NEW.id, NEW.title, NEW.venue_name, NEW.address, NEW.purpose, NEW.agenda_published_at);
  RETURN NEW;
END $$;

CREATE TRIGGER "meetings_search_text" BEFORE INSERT OR UPDATE OF "title", "venue_name", "address", "purpose", "agenda_published_at", "search_text"
    ON "meetings" FOR EACH ROW EXECUTE FUNCTION meetings_search_text();

-- An agenda item added, renamed or removed: the meeting's row is updated, and its trigger above recomputes the text.
CREATE FUNCTION agenda_items_search_text() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN UPDATE "meetings" SET "search_text" = '' WHERE "id" = OLD."meeting_id"; END IF;
  IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW."meeting_id" <> OLD."meeting_id") THEN
    UPDATE "meetings" SET "search_text" = '' WHERE "id" = NEW."meeting_id";
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "agenda_items_search_text" AFTER INSERT OR DELETE OR UPDATE OF "title", "meeting_id"
    ON "agenda_items" FOR EACH ROW EXECUTE FUNCTION agenda_items_search_text();

UPDATE "meetings" SET "search_text" = '';
CREATE INDEX "meetings_search_idx" ON "meetings" USING gin ("search_text" gin_trgm_ops);
ALTER TABLE "meetings" ADD COLUMN "search_title" TEXT GENERATED ALWAYS AS (keb_fold("title")) STORED;
CREATE INDEX "meetings_search_title_idx" ON "meetings" USING gin ("search_title" gin_trgm_ops);

-- Networks: the same for their name, description and reach (all in the row, so a generated column does).
ALTER TABLE "networks" ADD COLUMN "search_text" TEXT GENERATED ALWAYS AS (keb_fold("name" || ' ' || "description" || ' ' || coalesce("reach", ''))) STORED;
CREATE INDEX "networks_search_idx" ON "networks" USING gin ("search_text" gin_trgm_ops);
ALTER TABLE "networks" ADD COLUMN "search_name" TEXT GENERATED ALWAYS AS (keb_fold("name")) STORED;
