-- Activities wait here until the chain writer links them into audit_entry (AuditAppender → ChainWriter).
-- A row is written in the same transaction as the change it records, so the change and its audit commit or
-- roll back together, with no lock shared between transactions. One writer at a time (an advisory lock)
-- moves rows in batches: chained, inserted into audit_entry and deleted from here in one transaction.
-- Texts are stored already cleaned (no NUL, no lone surrogates), so what is hashed is what is stored.
create table audit_pending (
    id             bigint      generated always as identity primary key,
    occurred_at    timestamptz not null,
    actor          text        not null,
    action         text        not null,
    entity_type    text        not null,
    entity_id      text,
    region_code    varchar(12) collate "C",
    client_address text,
    reason         text,
    fields         text[]      not null default '{}'
);
