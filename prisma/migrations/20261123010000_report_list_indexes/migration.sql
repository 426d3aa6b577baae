-- The report lists' indexes say that they hold reports only (not model motions, which share the table). Report
-- queries always ask for type = 'REPORT'; with the type in the index's condition, PostgreSQL answers page ids and
-- counts from the index alone again instead of reading each row to check its type (measured by npm run bench).
DROP INDEX "reports_listed_idx";
DROP INDEX "reports_listed_public_idx";
DROP INDEX "reports_listed_alliance_idx";
DROP INDEX "reports_listed_state_idx";
DROP INDEX "reports_listed_year_idx";
CREATE INDEX "reports_listed_idx" ON "reports" ("published_at" DESC, "id" DESC) WHERE "type" = 'REPORT' AND "status" = 'PUBLISHED' AND "hidden_at" IS NULL;
CREATE INDEX "reports_listed_public_idx" ON "reports" ("published_at" DESC, "id" DESC) WHERE "type" = 'REPORT' AND "status" = 'PUBLISHED' AND "hidden_at" IS NULL AND "visibility" = 'PUBLIC';
CREATE INDEX "reports_listed_alliance_idx" ON "reports" ("alliance_id", "published_at" DESC) WHERE "type" = 'REPORT' AND "status" = 'PUBLISHED' AND "hidden_at" IS NULL;
CREATE INDEX "reports_listed_state_idx" ON "reports" ("state", "published_at" DESC) WHERE "type" = 'REPORT' AND "status" = 'PUBLISHED' AND "hidden_at" IS NULL;
CREATE INDEX "reports_listed_year_idx" ON "reports" ("year", "published_at" DESC) WHERE "type" = 'REPORT' AND "status" = 'PUBLISHED' AND "hidden_at" IS NULL;
