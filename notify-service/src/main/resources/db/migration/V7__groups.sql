-- Alertmanager's grouping for a subscription's immediate notifications: its findings are gathered
-- by the labels of group_by (region, level, rule, agency; empty: all in one group) and a group is
-- sent group_wait after its first finding, then at most every group_interval while new findings
-- arrive; a group with nothing new is sent again, as a reminder of what is still open, after
-- repeat_interval (null: never); durations in milliseconds. group_by null: one notification per report, as before.
alter table subscription add column group_by text;
alter table subscription add column group_wait_ms bigint;
alter table subscription add column group_interval_ms bigint;
alter table subscription add column repeat_interval_ms bigint;

-- A grouped claim waits GROUPED in the delivery log, in its group, until the group is sent.
alter table delivery drop constraint delivery_state_check;
alter table delivery add constraint delivery_state_check
    check (state in ('PENDING', 'DIGEST', 'GROUPED', 'RETRYING', 'SENT', 'DEAD_LETTERED'));
alter table delivery add column group_key text;
create index delivery_grouped on delivery (inspector, channel, address, group_key) where group_key is not null;

-- One row per target and group: when it is next due (null: nothing to send), when it was last
-- sent, and its lease: the instance sending it holds it until leased_until, so two instances
-- never send the same group, and one that died mid-send leaves it to the next after the lease.
-- Times follow the services' clock, which tests move.
create table notification_group (
    inspector       text not null,
    channel         text not null,
    address         text not null,
    group_key       text not null,
    title           text not null,
    group_interval_ms  bigint not null,
    repeat_interval_ms bigint,
    created_at      timestamptz not null,
    next_flush_at   timestamptz,
    last_sent_at    timestamptz,
    sent_count      integer not null default 0,
    attempts        integer not null default 0,
    leased_until    timestamptz,
    primary key (inspector, channel, address, group_key)
);
create index notification_group_due on notification_group (next_flush_at) where next_flush_at is not null;
