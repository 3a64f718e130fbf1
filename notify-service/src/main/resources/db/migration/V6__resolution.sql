-- A finding is resolved when a later report of the same agency and year no longer has it (a
-- republication that corrects it), or, for PUB-MISSING, when the report arrives: resolved_by
-- names that report. The inbox shows it.
alter table finding add column resolved_at timestamptz;
alter table finding add column resolved_by text;
create index report_agency_year on report (agency_id, year);
