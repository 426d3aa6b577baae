-- Report search that stays fast at 100 000 reports (measured by npm run bench).
--
-- "search" (every word of the report, for finding) loses its positions and weights: strip() makes it about a third
-- smaller, so it stays inside the table row (STORAGE MAIN) instead of being fetched from the TOAST table for every
-- candidate; checking a row is then cheap, and PostgreSQL can walk the newest reports and test each one when a word
-- is very common. "search_head" (title and summary with their weights, small) gives the rank: title hits first,
-- then summary hits, then the rest by date.
DROP INDEX "reports_search_idx";
ALTER TABLE "reports" DROP COLUMN "search";
ALTER TABLE "reports" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
    strip(to_tsvector('german', "title" || ' ' || "summary" || ' ' || "did" || ' ' || "worked" || ' ' || "didnt" || ' ' || "tips" || ' ' || "body" || ' ' || coalesce("place", '')))
) STORED;
ALTER TABLE "reports" ALTER COLUMN "search" SET STORAGE MAIN;
ALTER TABLE "reports" ADD COLUMN "search_head" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('german', "title"), 'A') || setweight(to_tsvector('german', "summary"), 'B')
) STORED;
CREATE INDEX "reports_search_idx" ON "reports" USING gin ("search");
