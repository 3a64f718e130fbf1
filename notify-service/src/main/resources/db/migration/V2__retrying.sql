-- A notification whose channel failed and asked for another attempt later (a webhook's receiver
-- away) waits in the delivery log, state RETRYING, for RetrySender: its retries no longer hold up
-- the reports behind it on their partition. next_attempt_at follows the database's clock, which
-- every instance shares; a due retry is leased by moving it forward.
alter table delivery drop constraint delivery_state_check;
alter table delivery add constraint delivery_state_check
    check (state in ('PENDING', 'DIGEST', 'RETRYING', 'SENT', 'DEAD_LETTERED'));
alter table delivery add column attempts integer not null default 0;
alter table delivery add column next_attempt_at timestamptz;
create index delivery_retry_due on delivery (next_attempt_at) where state = 'RETRYING';
