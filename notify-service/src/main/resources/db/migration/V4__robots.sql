-- A subscription's address: a webhook's URL, or the name of a configured chat robot (DingTalk,
-- WeCom, Feishu), whose URL and secret stay in configuration; null for e-mail (the inspector).
alter table subscription rename column webhook_url to address;
alter table subscription drop constraint subscription_channel_check;
alter table subscription add constraint subscription_channel_check
    check (channel in ('EMAIL', 'WEBHOOK', 'DINGTALK', 'WECOM', 'FEISHU'));
alter table subscription add constraint subscription_robot_named
    check (channel not in ('DINGTALK', 'WECOM', 'FEISHU') or address is not null);
