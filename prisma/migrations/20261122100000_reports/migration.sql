-- Erfahrungsberichte: reports with versions under review, topics, the shared attachment store, comments,
-- flags and the record of moderation decisions.

-- CreateEnum
CREATE TYPE "visibility" AS ENUM ('PUBLIC', 'MEMBERS');
CREATE TYPE "author_display" AS ENUM ('PERSON', 'ALLIANCE');
CREATE TYPE "report_status" AS ENUM ('DRAFT', 'SUBMITTED', 'RETURNED', 'REJECTED', 'PUBLISHED');
CREATE TYPE "version_status" AS ENUM ('DRAFT', 'SUBMITTED', 'RETURNED', 'REJECTED', 'PUBLISHED', 'SUPERSEDED');
CREATE TYPE "flag_reason" AS ENUM ('PARTY_POLITICS', 'NOT_ANTIFASCIST', 'COMMERCIAL', 'PERSONAL_DATA', 'UNOBJECTIVE', 'SPAM', 'OTHER');

-- Mail about new comments on own reports (switchable on /konto)
ALTER TABLE "users" ADD COLUMN "notify_comments" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "reports" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "author_id" INTEGER NOT NULL,
    "status" "report_status" NOT NULL DEFAULT 'DRAFT',
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "did" TEXT NOT NULL DEFAULT '',
    "worked" TEXT NOT NULL DEFAULT '',
    "didnt" TEXT NOT NULL DEFAULT '',
    "tips" TEXT NOT NULL DEFAULT '',
    "body" TEXT NOT NULL DEFAULT '',
    "alliance_id" INTEGER,
    "state" TEXT,
    "place" TEXT,
    "period_from" DATE,
    "period_to" DATE,
    "visibility" "visibility" NOT NULL DEFAULT 'PUBLIC',
    "author_display" "author_display" NOT NULL DEFAULT 'ALLIANCE',
    "published_version_id" INTEGER,
    "working_version_id" INTEGER,
    "first_published_at" TIMESTAMPTZ(3),
    "published_at" TIMESTAMPTZ(3),
    "hidden_at" TIMESTAMPTZ(3),
    "hidden_reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "report_versions" (
    "id" SERIAL NOT NULL,
    "report_id" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "status" "version_status" NOT NULL DEFAULT 'DRAFT',
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "did" TEXT NOT NULL DEFAULT '',
    "worked" TEXT NOT NULL DEFAULT '',
    "didnt" TEXT NOT NULL DEFAULT '',
    "tips" TEXT NOT NULL DEFAULT '',
    "body" TEXT NOT NULL DEFAULT '',
    "alliance_id" INTEGER,
    "state" TEXT,
    "place" TEXT,
    "period_from" DATE,
    "period_to" DATE,
    "visibility" "visibility" NOT NULL DEFAULT 'PUBLIC',
    "author_display" "author_display" NOT NULL DEFAULT 'ALLIANCE',
    "created_by_id" INTEGER NOT NULL,
    "principles_confirmed_at" TIMESTAMPTZ(3),
    "submitted_at" TIMESTAMPTZ(3),
    "decided_at" TIMESTAMPTZ(3),
    "decision_reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "report_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "report_topics" (
    "report_id" INTEGER NOT NULL,
    "topic_id" INTEGER NOT NULL,

    CONSTRAINT "report_topics_pkey" PRIMARY KEY ("report_id","topic_id")
);

-- CreateTable
CREATE TABLE "report_version_topics" (
    "version_id" INTEGER NOT NULL,
    "topic_id" INTEGER NOT NULL,

    CONSTRAINT "report_version_topics_pkey" PRIMARY KEY ("version_id","topic_id")
);

-- CreateTable
CREATE TABLE "attachments" (
    "id" SERIAL NOT NULL,
    "file_name" TEXT NOT NULL,
    "media_type" TEXT NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "uploaded_by_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "attachments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "report_version_attachments" (
    "version_id" INTEGER NOT NULL,
    "attachment_id" INTEGER NOT NULL,

    CONSTRAINT "report_version_attachments_pkey" PRIMARY KEY ("version_id","attachment_id")
);

-- CreateTable
CREATE TABLE "comments" (
    "id" SERIAL NOT NULL,
    "report_id" INTEGER,
    "author_id" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "edited_at" TIMESTAMPTZ(3),
    "hidden_at" TIMESTAMPTZ(3),
    "hidden_reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "comments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "flags" (
    "id" SERIAL NOT NULL,
    "subject_type" TEXT NOT NULL,
    "subject_id" INTEGER NOT NULL,
    "reporter_id" INTEGER NOT NULL,
    "reason" "flag_reason" NOT NULL,
    "note" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolved_at" TIMESTAMPTZ(3),

    CONSTRAINT "flags_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "moderation_decisions" (
    "id" SERIAL NOT NULL,
    "subject_type" TEXT NOT NULL,
    "subject_id" INTEGER NOT NULL,
    "decision" TEXT NOT NULL,
    "reason" TEXT,
    "decided_by_id" INTEGER NOT NULL,
    "decided_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "moderation_decisions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "reports_slug_key" ON "reports"("slug");
CREATE UNIQUE INDEX "reports_published_version_id_key" ON "reports"("published_version_id");
CREATE UNIQUE INDEX "reports_working_version_id_key" ON "reports"("working_version_id");
CREATE INDEX "reports_author_id_idx" ON "reports"("author_id");
CREATE INDEX "reports_alliance_id_idx" ON "reports"("alliance_id");
CREATE UNIQUE INDEX "report_versions_report_id_number_key" ON "report_versions"("report_id", "number");
CREATE INDEX "report_versions_status_idx" ON "report_versions"("status");
CREATE INDEX "report_topics_topic_id_idx" ON "report_topics"("topic_id");
CREATE INDEX "report_version_topics_topic_id_idx" ON "report_version_topics"("topic_id");
CREATE INDEX "attachments_uploaded_by_id_idx" ON "attachments"("uploaded_by_id");
CREATE INDEX "report_version_attachments_attachment_id_idx" ON "report_version_attachments"("attachment_id");
CREATE INDEX "comments_report_id_created_at_idx" ON "comments"("report_id", "created_at");
CREATE UNIQUE INDEX "flags_subject_type_subject_id_reporter_id_key" ON "flags"("subject_type", "subject_id", "reporter_id");
CREATE INDEX "flags_resolved_at_idx" ON "flags"("resolved_at");
CREATE INDEX "moderation_decisions_subject_type_subject_id_idx" ON "moderation_decisions"("subject_type", "subject_id");

-- AddForeignKey
ALTER TABLE "reports" ADD CONSTRAINT "reports_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "reports" ADD CONSTRAINT "reports_alliance_id_fkey" FOREIGN KEY ("alliance_id") REFERENCES "alliances"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "reports" ADD CONSTRAINT "reports_published_version_id_fkey" FOREIGN KEY ("published_version_id") REFERENCES "report_versions"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "reports" ADD CONSTRAINT "reports_working_version_id_fkey" FOREIGN KEY ("working_version_id") REFERENCES "report_versions"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "report_versions" ADD CONSTRAINT "report_versions_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "reports"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "report_versions" ADD CONSTRAINT "report_versions_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "report_versions" ADD CONSTRAINT "report_versions_alliance_id_fkey" FOREIGN KEY ("alliance_id") REFERENCES "alliances"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "report_topics" ADD CONSTRAINT "report_topics_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "reports"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "report_topics" ADD CONSTRAINT "report_topics_topic_id_fkey" FOREIGN KEY ("topic_id") REFERENCES "topics"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "report_version_topics" ADD CONSTRAINT "report_version_topics_version_id_fkey" FOREIGN KEY ("version_id") REFERENCES "report_versions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "report_version_topics" ADD CONSTRAINT "report_version_topics_topic_id_fkey" FOREIGN KEY ("topic_id") REFERENCES "topics"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_uploaded_by_id_fkey" FOREIGN KEY ("uploaded_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "report_version_attachments" ADD CONSTRAINT "report_version_attachments_version_id_fkey" FOREIGN KEY ("version_id") REFERENCES "report_versions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "report_version_attachments" ADD CONSTRAINT "report_version_attachments_attachment_id_fkey" FOREIGN KEY ("attachment_id") REFERENCES "attachments"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "comments" ADD CONSTRAINT "comments_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "reports"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "comments" ADD CONSTRAINT "comments_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "flags" ADD CONSTRAINT "flags_reporter_id_fkey" FOREIGN KEY ("reporter_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "moderation_decisions" ADD CONSTRAINT "moderation_decisions_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Texts are stored NFC-normalised (the app does it; the database makes sure).
ALTER TABLE "reports" ADD CONSTRAINT "reports_title_nfc" CHECK ("title" IS NFC NORMALIZED);
ALTER TABLE "report_versions" ADD CONSTRAINT "report_versions_title_nfc" CHECK ("title" IS NFC NORMALIZED);
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_size" CHECK ("size_bytes" > 0 AND "size_bytes" = octet_length("content"));
ALTER TABLE "flags" ADD CONSTRAINT "flags_subject_type" CHECK ("subject_type" IN ('report', 'comment', 'motion'));

-- German full-text search over the published report: title first, then the summary, then every part.
ALTER TABLE "reports" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('german', "title"), 'A') ||
    setweight(to_tsvector('german', "summary"), 'B') ||
    setweight(to_tsvector('german', "did" || ' ' || "worked" || ' ' || "didnt" || ' ' || "tips" || ' ' || "body" || ' ' || coalesce("place", '')), 'C')
) STORED;
CREATE INDEX "reports_search_idx" ON "reports" USING gin ("search");

-- The year a report is filed under: when the experience began, else when it was published (Berlin time).
ALTER TABLE "reports" ADD COLUMN "year" INTEGER GENERATED ALWAYS AS (
    coalesce(extract(year FROM "period_from")::int, extract(year FROM ("published_at" AT TIME ZONE 'Europe/Berlin'))::int)
) STORED;

-- Lists show what readers may see, newest first: one index for all, one per kind of filter.
CREATE INDEX "reports_listed_idx" ON "reports" ("published_at" DESC, "id" DESC) WHERE "status" = 'PUBLISHED' AND "hidden_at" IS NULL;
CREATE INDEX "reports_listed_public_idx" ON "reports" ("published_at" DESC, "id" DESC) WHERE "status" = 'PUBLISHED' AND "hidden_at" IS NULL AND "visibility" = 'PUBLIC';
CREATE INDEX "reports_listed_alliance_idx" ON "reports" ("alliance_id", "published_at" DESC) WHERE "status" = 'PUBLISHED' AND "hidden_at" IS NULL;
CREATE INDEX "reports_listed_state_idx" ON "reports" ("state", "published_at" DESC) WHERE "status" = 'PUBLISHED' AND "hidden_at" IS NULL;
CREATE INDEX "reports_listed_year_idx" ON "reports" ("year", "published_at" DESC) WHERE "status" = 'PUBLISHED' AND "hidden_at" IS NULL;

-- The moderation queue finds submitted versions oldest first, open flags and hidden comments quickly.
CREATE INDEX "report_versions_submitted_idx" ON "report_versions" ("submitted_at") WHERE "status" = 'SUBMITTED';
CREATE INDEX "flags_open_idx" ON "flags" ("subject_type", "subject_id") WHERE "resolved_at" IS NULL;
