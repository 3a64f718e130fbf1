-- notify-service: reports and findings seen, subscriptions, silences, inbox entries, delivery log.

create table report (
    report_id    text primary key,
    agency_id    text not null,
    agency_name  text,
    agency_level text not null,
    region_code  text,
    year         integer,
    published_on text,
    validated_at timestamptz not null
);

create table finding (
    report_id      text not null references report,
    fingerprint    text not null,
    rule_id        text not null,
    severity       text not null,
    responsibility text not null,
    location       text,
    expected       text,
    actual         text,
    message        text not null,
    evidence       text,
    primary key (report_id, fingerprint)
);

create table subscription (
    id            bigserial primary key,
    inspector     text not null,
    region_prefix text,
    agency_id     text,
    agency_level  text,
    rule_id       text,
    min_severity  text not null,
    channel       text not null check (channel in ('EMAIL', 'WEBHOOK')),
    webhook_url   text,
    digest        boolean not null default false,
    created_at    timestamptz not null,
    check (channel <> 'WEBHOOK' or webhook_url is not null)
);
create index subscription_inspector on subscription (inspector);

create table silence (
    inspector  text not null,
    agency_id  text not null,
    rule_id    text not null,
    created_at timestamptz not null,
    primary key (inspector, agency_id, rule_id)
);

-- What each inspector's inbox shows: every finding routed to them, acknowledged or not.
create table inbox_entry (
    inspector       text not null,
    report_id       text not null,
    fingerprint     text not null,
    routed_at       timestamptz not null,
    acknowledged_at timestamptz,
    primary key (inspector, report_id, fingerprint),
    foreign key (report_id, fingerprint) references finding
);

-- The delivery log: one row per finding per target, claimed before sending (state PENDING or
-- DIGEST) and settled after (SENT or DEAD_LETTERED). Its key makes redeliveries and replays harmless.
create table delivery (
    inspector   text not null,
    channel     text not null,
    address     text not null,
    report_id   text not null,
    fingerprint text not null,
    state       text not null check (state in ('PENDING', 'DIGEST', 'SENT', 'DEAD_LETTERED')),
    claimed_at  timestamptz not null,
    settled_at  timestamptz,
    primary key (inspector, channel, address, report_id, fingerprint),
    foreign key (report_id, fingerprint) references finding
);
create index delivery_waiting on delivery (state) where state in ('PENDING', 'DIGEST');

create table digest_run (
    inspector    text not null,
    channel      text not null,
    address      text not null,
    last_sent_on date not null,
    primary key (inspector, channel, address)
);
