-- KOG-Treffen (KOG principle 10): meetings, agenda items and proposals, registrations and input talks,
-- materials, protocol with attendance, decisions with follow-up notes, and the deadline reminders sent.

CREATE TYPE "meeting_kind" AS ENUM ('KOG_TREFFEN', 'RATSCHLAG', 'PLATTFORM_TREFFEN', 'REGIONALTREFFEN');
CREATE TYPE "meeting_status" AS ENUM ('PLANNED', 'INVITED', 'HELD', 'CANCELLED');
CREATE TYPE "proposal_status" AS ENUM ('OPEN', 'ACCEPTED', 'MERGED', 'DECLINED');
CREATE TYPE "attendance" AS ENUM ('ON_SITE', 'ONLINE', 'NO', 'MAYBE');
CREATE TYPE "decision_status" AS ENUM ('OPEN', 'IN_PROGRESS', 'DONE', 'DROPPED');

CREATE TABLE "meetings" (
    "id" SERIAL NOT NULL,
    "kind" "meeting_kind" NOT NULL,
    "title" TEXT NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "venue_name" TEXT,
    "address" TEXT,
    "directions" TEXT,
    "online_link" TEXT,
    "lead_organizer_id" INTEGER NOT NULL,
    "is_public" BOOLEAN NOT NULL DEFAULT true,
    "status" "meeting_status" NOT NULL DEFAULT 'PLANNED',
    "cancel_reason" TEXT,
    "purpose" TEXT NOT NULL DEFAULT '',
    "notes" TEXT NOT NULL DEFAULT '',
    "related_events" TEXT NOT NULL DEFAULT '',
    "signature" TEXT NOT NULL DEFAULT '',
    "talk_minutes" INTEGER NOT NULL DEFAULT 7,
    "agenda_published_at" TIMESTAMPTZ(3),
    "agenda_changed_at" TIMESTAMPTZ(3),
    "materials_published_at" TIMESTAMPTZ(3),
    "created_by_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "meetings_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "meetings_ends_after_start" CHECK ("ends_at" > "starts_at")
);

CREATE TABLE "agenda_items" (
    "id" SERIAL NOT NULL,
    "meeting_id" INTEGER NOT NULL,
    "parent_id" INTEGER,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "duration_minutes" INTEGER,
    "presenter" TEXT,
    "has_input_talks" BOOLEAN NOT NULL DEFAULT false,
    "result" TEXT NOT NULL DEFAULT '',
    "changed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "agenda_items_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "agenda_proposals" (
    "id" SERIAL NOT NULL,
    "meeting_id" INTEGER NOT NULL,
    "proposer_id" INTEGER NOT NULL,
    "alliance_id" INTEGER,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "requested_minutes" INTEGER,
    "status" "proposal_status" NOT NULL DEFAULT 'OPEN',
    "reason" TEXT,
    "agenda_item_id" INTEGER,
    "deferred_from_id" INTEGER,
    "decided_by_id" INTEGER,
    "decided_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "agenda_proposals_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "rsvps" (
    "id" SERIAL NOT NULL,
    "meeting_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,
    "alliance_id" INTEGER,
    "attendance" "attendance" NOT NULL,
    "offers_talk" BOOLEAN NOT NULL DEFAULT false,
    "brings_cake" BOOLEAN NOT NULL DEFAULT false,
    "comment" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "rsvps_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "input_talks" (
    "id" SERIAL NOT NULL,
    "agenda_item_id" INTEGER NOT NULL,
    "alliance_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,
    "topic" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "input_talks_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "materials" (
    "id" SERIAL NOT NULL,
    "meeting_id" INTEGER NOT NULL,
    "agenda_item_id" INTEGER,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "attachment_id" INTEGER,
    "added_by_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "materials_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "protocols" (
    "meeting_id" INTEGER NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "published_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "protocols_pkey" PRIMARY KEY ("meeting_id")
);

CREATE TABLE "meeting_attendees" (
    "id" SERIAL NOT NULL,
    "meeting_id" INTEGER NOT NULL,
    "user_id" INTEGER,
    "name" TEXT NOT NULL,
    "alliance_name" TEXT,

    CONSTRAINT "meeting_attendees_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "decisions" (
    "id" SERIAL NOT NULL,
    "meeting_id" INTEGER NOT NULL,
    "agenda_item_id" INTEGER,
    "text" TEXT NOT NULL,
    "responsible" TEXT NOT NULL,
    "responsible_alliance_id" INTEGER,
    "due_on" DATE,
    "status" "decision_status" NOT NULL DEFAULT 'OPEN',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "decisions_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "decision_notes" (
    "id" SERIAL NOT NULL,
    "decision_id" INTEGER NOT NULL,
    "author_id" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "status" "decision_status" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "decision_notes_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "meeting_reminders" (
    "meeting_id" INTEGER NOT NULL,
    "deadline" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "due_on" DATE NOT NULL,
    "sent_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "meeting_reminders_pkey" PRIMARY KEY ("meeting_id","deadline","kind","due_on")
);

CREATE INDEX "meetings_starts_at_idx" ON "meetings"("starts_at");
CREATE INDEX "meetings_lead_organizer_id_idx" ON "meetings"("lead_organizer_id");
CREATE INDEX "agenda_items_meeting_id_position_idx" ON "agenda_items"("meeting_id", "position");
CREATE INDEX "agenda_items_parent_id_idx" ON "agenda_items"("parent_id");
CREATE INDEX "agenda_proposals_meeting_id_status_idx" ON "agenda_proposals"("meeting_id", "status");
CREATE INDEX "agenda_proposals_proposer_id_idx" ON "agenda_proposals"("proposer_id");
CREATE UNIQUE INDEX "rsvps_meeting_id_user_id_key" ON "rsvps"("meeting_id", "user_id");
CREATE INDEX "rsvps_user_id_idx" ON "rsvps"("user_id");
CREATE UNIQUE INDEX "input_talks_agenda_item_id_alliance_id_key" ON "input_talks"("agenda_item_id", "alliance_id");
CREATE INDEX "input_talks_user_id_idx" ON "input_talks"("user_id");
CREATE UNIQUE INDEX "materials_attachment_id_key" ON "materials"("attachment_id");
CREATE INDEX "materials_meeting_id_created_at_idx" ON "materials"("meeting_id", "created_at");
CREATE INDEX "materials_agenda_item_id_idx" ON "materials"("agenda_item_id");
CREATE UNIQUE INDEX "meeting_attendees_meeting_id_user_id_key" ON "meeting_attendees"("meeting_id", "user_id");
CREATE INDEX "meeting_attendees_meeting_id_idx" ON "meeting_attendees"("meeting_id");
CREATE INDEX "decisions_status_due_on_idx" ON "decisions"("status", "due_on");
CREATE INDEX "decisions_meeting_id_idx" ON "decisions"("meeting_id");
CREATE INDEX "decision_notes_decision_id_created_at_idx" ON "decision_notes"("decision_id", "created_at");

ALTER TABLE "meetings" ADD CONSTRAINT "meetings_lead_organizer_id_fkey" FOREIGN KEY ("lead_organizer_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "agenda_items"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "agenda_proposals" ADD CONSTRAINT "agenda_proposals_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "agenda_proposals" ADD CONSTRAINT "agenda_proposals_deferred_from_id_fkey" FOREIGN KEY ("deferred_from_id") REFERENCES "meetings"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "agenda_proposals" ADD CONSTRAINT "agenda_proposals_proposer_id_fkey" FOREIGN KEY ("proposer_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "agenda_proposals" ADD CONSTRAINT "agenda_proposals_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "agenda_proposals" ADD CONSTRAINT "agenda_proposals_alliance_id_fkey" FOREIGN KEY ("alliance_id") REFERENCES "alliances"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "agenda_proposals" ADD CONSTRAINT "agenda_proposals_agenda_item_id_fkey" FOREIGN KEY ("agenda_item_id") REFERENCES "agenda_items"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "rsvps" ADD CONSTRAINT "rsvps_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "rsvps" ADD CONSTRAINT "rsvps_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "rsvps" ADD CONSTRAINT "rsvps_alliance_id_fkey" FOREIGN KEY ("alliance_id") REFERENCES "alliances"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "input_talks" ADD CONSTRAINT "input_talks_agenda_item_id_fkey" FOREIGN KEY ("agenda_item_id") REFERENCES "agenda_items"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "input_talks" ADD CONSTRAINT "input_talks_alliance_id_fkey" FOREIGN KEY ("alliance_id") REFERENCES "alliances"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "input_talks" ADD CONSTRAINT "input_talks_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "materials" ADD CONSTRAINT "materials_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "materials" ADD CONSTRAINT "materials_agenda_item_id_fkey" FOREIGN KEY ("agenda_item_id") REFERENCES "agenda_items"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "materials" ADD CONSTRAINT "materials_attachment_id_fkey" FOREIGN KEY ("attachment_id") REFERENCES "attachments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "materials" ADD CONSTRAINT "materials_added_by_id_fkey" FOREIGN KEY ("added_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "protocols" ADD CONSTRAINT "protocols_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "meeting_attendees" ADD CONSTRAINT "meeting_attendees_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "meeting_attendees" ADD CONSTRAINT "meeting_attendees_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_agenda_item_id_fkey" FOREIGN KEY ("agenda_item_id") REFERENCES "agenda_items"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_responsible_alliance_id_fkey" FOREIGN KEY ("responsible_alliance_id") REFERENCES "alliances"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "decision_notes" ADD CONSTRAINT "decision_notes_decision_id_fkey" FOREIGN KEY ("decision_id") REFERENCES "decisions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "decision_notes" ADD CONSTRAINT "decision_notes_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "meeting_reminders" ADD CONSTRAINT "meeting_reminders_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A material is a file or a text (or a file with a note), never nothing.
ALTER TABLE "materials" ADD CONSTRAINT "materials_file_or_text" CHECK ("attachment_id" IS NOT NULL OR "body" <> '');
