-- Directories: alliance details, join requests, delegates, members' competence list, topics, networks.

-- CreateEnum
CREATE TYPE "mandate" AS ENUM ('NONE', 'COUNCIL', 'DISTRICT_COUNCIL', 'BOROUGH_COUNCIL', 'EXPERT_CITIZEN');

-- CreateEnum
CREATE TYPE "network_category" AS ENUM ('NATIONAL', 'PARTY', 'INTERNATIONAL');

-- AlterTable
ALTER TABLE "alliances"
    ADD COLUMN "district" TEXT,
    ADD COLUMN "description" TEXT NOT NULL DEFAULT '',
    ADD COLUMN "founded_year" INTEGER,
    ADD COLUMN "council_seats" INTEGER,
    ADD COLUMN "website" TEXT,
    ADD COLUMN "contact_email" TEXT,
    ADD CONSTRAINT "alliances_founded_year_range" CHECK ("founded_year" BETWEEN 1945 AND 2100),
    ADD CONSTRAINT "alliances_council_seats_range" CHECK ("council_seats" BETWEEN 0 AND 500);

-- CreateIndex
CREATE INDEX "alliances_state_idx" ON "alliances"("state");

-- AlterTable
ALTER TABLE "users"
    ADD COLUMN "requested_alliance_id" INTEGER,
    ADD COLUMN "join_requested_at" TIMESTAMPTZ(3),
    ADD COLUMN "is_delegate" BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN "listed_in_directory" BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN "public_on_alliance_page" BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN "mandate" "mandate" NOT NULL DEFAULT 'NONE',
    ADD COLUMN "directory_note" TEXT;

-- CreateIndex
CREATE INDEX "users_alliance_id_idx" ON "users"("alliance_id");

-- CreateIndex
CREATE INDEX "users_requested_alliance_id_idx" ON "users"("requested_alliance_id");

-- AddForeignKey
ALTER TABLE "users" ADD CONSTRAINT "users_requested_alliance_id_fkey" FOREIGN KEY ("requested_alliance_id") REFERENCES "alliances"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "alliance_slug_redirects" (
    "slug" TEXT NOT NULL,
    "alliance_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alliance_slug_redirects_pkey" PRIMARY KEY ("slug")
);

-- CreateIndex
CREATE INDEX "alliance_slug_redirects_alliance_id_idx" ON "alliance_slug_redirects"("alliance_id");

-- AddForeignKey
ALTER TABLE "alliance_slug_redirects" ADD CONSTRAINT "alliance_slug_redirects_alliance_id_fkey" FOREIGN KEY ("alliance_id") REFERENCES "alliances"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "topics" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "retired_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "topics_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "topics_slug_key" ON "topics"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "topics_name_key" ON "topics"("name");

-- CreateTable
CREATE TABLE "user_competences" (
    "user_id" INTEGER NOT NULL,
    "topic_id" INTEGER NOT NULL,

    CONSTRAINT "user_competences_pkey" PRIMARY KEY ("user_id","topic_id")
);

-- CreateIndex
CREATE INDEX "user_competences_topic_id_idx" ON "user_competences"("topic_id");

-- AddForeignKey
ALTER TABLE "user_competences" ADD CONSTRAINT "user_competences_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "user_competences" ADD CONSTRAINT "user_competences_topic_id_fkey" FOREIGN KEY ("topic_id") REFERENCES "topics"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "networks" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "category" "network_category" NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "website" TEXT,
    "reach" TEXT,
    "retired_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "networks_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "networks_slug_key" ON "networks"("slug");

-- CreateIndex
CREATE INDEX "networks_category_idx" ON "networks"("category");

-- CreateTable
CREATE TABLE "network_topics" (
    "network_id" INTEGER NOT NULL,
    "topic_id" INTEGER NOT NULL,

    CONSTRAINT "network_topics_pkey" PRIMARY KEY ("network_id","topic_id")
);

-- CreateIndex
CREATE INDEX "network_topics_topic_id_idx" ON "network_topics"("topic_id");

-- AddForeignKey
ALTER TABLE "network_topics" ADD CONSTRAINT "network_topics_network_id_fkey" FOREIGN KEY ("network_id") REFERENCES "networks"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "network_topics" ADD CONSTRAINT "network_topics_topic_id_fkey" FOREIGN KEY ("topic_id") REFERENCES "topics"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "reference_data_loads" (
    "key" TEXT NOT NULL,
    "loaded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reference_data_loads_pkey" PRIMARY KEY ("key")
);

-- Outbox mails may carry a reply address (member contact form).
ALTER TABLE "outbox_mails" ADD COLUMN "reply_to" TEXT;
