-- The region overview shows which national template (GB2019, GB2021) each report follows.
alter table report add column template text;

-- The rectification workflow of an agency's year (退回整改 → 已整改 → 复核通过; 已整改 may go back
-- to 退回整改): one row per step, with who took it, when and why. seq numbers the steps of an agency
-- and year: two inspectors taking a step at once on the same state both want the same seq, and the
-- key lets one of them through.
create table rectification_step (
    agency_id   text        not null,
    year        integer     not null,
    seq         integer     not null,
    state       text        not null check (state in ('RETURNED', 'RECTIFIED', 'APPROVED')),
    inspector   text        not null,
    comment     text        not null,
    recorded_at timestamptz not null,
    primary key (agency_id, year, seq)
);
