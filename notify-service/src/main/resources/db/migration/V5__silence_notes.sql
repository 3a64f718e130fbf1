-- A silence says why (its author's comment) and until when (null: until it is lifted); an
-- expired silence no longer holds findings back.
alter table silence add column comment text;
alter table silence add column expires_at timestamptz;
