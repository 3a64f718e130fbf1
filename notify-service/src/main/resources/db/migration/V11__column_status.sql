-- watch-service's latest word on each portal column it watches (topic watch.status), for the
-- operators' page of the inbox: whether the column can be read, what went wrong, since when, and
-- the report pages it links that are missing.
create table column_status (
    column_id       text primary key,
    listing_url     text not null,
    agency_id       text,
    failing         boolean not null,
    problem         text,
    http_status     integer,
    selector        text,
    detail          text,
    failing_since   timestamptz,
    checked_at      timestamptz not null,
    missing_reports text[] not null default '{}'
);
