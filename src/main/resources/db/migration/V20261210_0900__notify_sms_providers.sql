-- Real SMS providers send approved templates filled with variables, not free text: a message is now its kind
-- (template_key) and its variables, encrypted like the body was (codes and one-time passwords travel in them).
-- body_cipher stays for the rows written before; new rows leave it null.
alter table notify_message add column variables_cipher bytea;
alter table notify_message alter column body_cipher drop not null;
alter table notify_message add constraint notify_message_content_ck
    check (variables_cipher is not null or body_cipher is not null);

-- Delivery: which provider took the message and under which id (Aliyun BizId, Tencent SerialNo), the provider's
-- code when it failed, when the next attempt is due (backoff), when a node claimed it (SENDING) and when the
-- handset got it (receipt).
alter table notify_message add column provider            text;
alter table notify_message add column provider_message_id text;
alter table notify_message add column error_code          varchar(100);
alter table notify_message add column next_attempt_at     timestamptz;
alter table notify_message add column claimed_at          timestamptz;
alter table notify_message add column delivered_at        timestamptz;

alter table notify_message drop constraint notify_message_status_check;
alter table notify_message add constraint notify_message_status_check
    check (status in ('PENDING', 'SENDING', 'SENT', 'DELIVERED', 'FAILED'));

-- A message waiting with no variables (queued by the previous version) cannot fill a provider's template; it was
-- only ever logged. It is closed with a code of its own rather than sent as something else.
update notify_message set status = 'FAILED', error_code = 'LEGACY_BODY', last_error = 'queued before templates'
 where status = 'PENDING' and variables_cipher is null;

drop index notify_message_pending_idx;
create index notify_message_pending_idx on notify_message (coalesce(next_attempt_at, created_at), id)
    where status = 'PENDING';
-- The receipt job looks for sent messages still waiting for their report; the claim sweep for stuck claims.
create index notify_message_awaiting_receipt_idx on notify_message (provider, sent_at)
    where status = 'SENT' and provider_message_id is not null;
create index notify_message_sending_idx on notify_message (claimed_at) where status = 'SENDING';
-- Per-phone hourly/daily limits count what went to one number recently.
create index notify_message_recipient_sent_idx on notify_message (recipient_index, sent_at) where sent_at is not null;
-- The staff view counts by status and kind.
create index notify_message_status_kind_idx on notify_message (status, template_key);
