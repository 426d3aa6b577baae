-- Reports of one Bundesland in one year (the list's two filters together): without this index PostgreSQL walks all
-- of the year's reports to find the Land's few (measured by npm run bench: 5–7 ms instead of 2–3 ms per page).
CREATE INDEX "reports_listed_state_year_idx" ON "reports" ("state", "year", "published_at" DESC, "id" DESC) WHERE "type" = 'REPORT' AND "status" = 'PUBLISHED' AND "hidden_at" IS NULL;
