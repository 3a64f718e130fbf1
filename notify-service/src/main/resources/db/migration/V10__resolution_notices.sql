-- Alertmanager's resolved notices: a finding sent to a target and then resolved (the report of a
-- PUB-MISSING notice arrived; a republication no longer has it) is told to that target once, by
-- the report that resolved it. Claimed PENDING when the finding is resolved, settled after.
create table resolution_notice (
    inspector   text not null,
    channel     text not null,
    address     text not null,
    report_id   text not null,
    fingerprint text not null,
    resolved_by text not null,
    state       text not null check (state in ('PENDING', 'SENT', 'DEAD_LETTERED')),
    claimed_at  timestamptz not null,
    settled_at  timestamptz,
    primary key (inspector, channel, address, report_id, fingerprint),
    foreign key (report_id, fingerprint) references finding
);
create index resolution_notice_pending on resolution_notice (resolved_by) where state = 'PENDING';
