-- DropIndex
DROP INDEX "Outbox_channel_status_kind_seq_idx";
