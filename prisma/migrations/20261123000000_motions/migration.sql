-- Musteranträge: model motions are contributions like reports (same rows, versions, review, hiding, comments,
-- flags and attachments), with their own fields; uses reported back, imports of existing collections, and the
-- values members typed into templates.

CREATE TYPE "contribution_type" AS ENUM ('REPORT', 'MOTION');
CREATE TYPE "motion_kind" AS ENUM ('ANTRAG', 'ANFRAGE', 'RESOLUTION', 'HAUSHALTSANTRAG', 'STELLUNGNAHME', 'HINTERGRUND');
CREATE TYPE "council_level" AS ENUM ('GEMEINDERAT', 'KREISTAG', 'BEZIRKSVERTRETUNG', 'AUSSCHUSS');
CREATE TYPE "adoption_result" AS ENUM ('ANGENOMMEN', 'GEAENDERT_ANGENOMMEN', 'ABGELEHNT', 'ZURUECKGEZOGEN', 'OFFEN');

ALTER TABLE "users" ADD COLUMN "template_values" JSONB NOT NULL DEFAULT '{}';

CREATE TABLE "motion_imports" (
    "id" SERIAL NOT NULL,
    "file_name" TEXT NOT NULL,
    "source_name" TEXT NOT NULL,
    "imported_by_id" INTEGER NOT NULL,
    "created_count" INTEGER NOT NULL,
    "matched_count" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "motion_imports_pkey" PRIMARY KEY ("id")
);

ALTER TABLE "reports"
    ADD COLUMN "type" "contribution_type" NOT NULL DEFAULT 'REPORT',
    ADD COLUMN "motion_kind" "motion_kind",
    ADD COLUMN "reasoning" TEXT NOT NULL DEFAULT '',
    ADD COLUMN "council_level" "council_level",
    ADD COLUMN "states" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    ADD COLUMN "source_key" TEXT,
    ADD COLUMN "source_name" TEXT,
    ADD COLUMN "import_id" INTEGER,
    ADD COLUMN "use_count" INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN "success_count" INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN "success_places" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "report_versions"
    ADD COLUMN "motion_kind" "motion_kind",
    ADD COLUMN "reasoning" TEXT NOT NULL DEFAULT '',
    ADD COLUMN "council_level" "council_level",
    ADD COLUMN "states" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[];

CREATE TABLE "adoptions" (
    "id" SERIAL NOT NULL,
    "motion_id" INTEGER NOT NULL,
    "reporter_id" INTEGER NOT NULL,
    "municipality" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "adopted_on" DATE,
    "result" "adoption_result" NOT NULL,
    "record_url" TEXT,
    "note" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "adoptions_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "reports_source_key_key" ON "reports"("source_key");
CREATE INDEX "motion_imports_imported_by_id_idx" ON "motion_imports"("imported_by_id");
CREATE INDEX "adoptions_motion_id_created_at_idx" ON "adoptions"("motion_id", "created_at");
CREATE INDEX "adoptions_reporter_id_idx" ON "adoptions"("reporter_id");

ALTER TABLE "reports" ADD CONSTRAINT "reports_import_id_fkey" FOREIGN KEY ("import_id") REFERENCES "motion_imports"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "motion_imports" ADD CONSTRAINT "motion_imports_imported_by_id_fkey" FOREIGN KEY ("imported_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "adoptions" ADD CONSTRAINT "adoptions_motion_id_fkey" FOREIGN KEY ("motion_id") REFERENCES "reports"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "adoptions" ADD CONSTRAINT "adoptions_reporter_id_fkey" FOREIGN KEY ("reporter_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A model motion always has a kind; a report never has one.
ALTER TABLE "reports" ADD CONSTRAINT "reports_motion_kind" CHECK (("type" = 'MOTION') = ("motion_kind" IS NOT NULL));

-- The search also finds words of a motion's Begründung.
DROP INDEX "reports_search_idx";
ALTER TABLE "reports" DROP COLUMN "search";
ALTER TABLE "reports" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
    strip(to_tsvector('german', "title" || ' ' || "summary" || ' ' || "did" || ' ' || "worked" || ' ' || "didnt" || ' ' || "tips" || ' ' || "body" || ' ' || "reasoning" || ' ' || coalesce("place", '')))
) STORED;
ALTER TABLE "reports" ALTER COLUMN "search" SET STORAGE MAIN;
CREATE INDEX "reports_search_idx" ON "reports" USING gin ("search");

-- Motion lists: newest first, or most adopted first; the report lists keep their indexes (almost every row is a report).
CREATE INDEX "reports_motions_listed_idx" ON "reports" ("published_at" DESC, "id" DESC) WHERE "type" = 'MOTION' AND "status" = 'PUBLISHED' AND "hidden_at" IS NULL;
CREATE INDEX "reports_motions_success_idx" ON "reports" ("success_count" DESC, "published_at" DESC) WHERE "type" = 'MOTION' AND "status" = 'PUBLISHED' AND "hidden_at" IS NULL;
