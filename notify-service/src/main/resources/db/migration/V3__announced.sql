-- A delivery settled SENT is announced on notification.sent after its settlement; announced_at
-- records that it was. One whose announcement failed (broker or registry away) is announced again
-- by RetrySender, leased through next_attempt_at as the retries are. Deliveries sent before were
-- announced or are past recovering.
alter table delivery add column announced_at timestamptz;
update delivery set announced_at = settled_at where state = 'SENT';
create index delivery_unannounced on delivery (settled_at) where state = 'SENT' and announced_at is null;
