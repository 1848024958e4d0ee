-- The audit trail (DESIGN.md §4): who did what to which record, from where and why. Append-only and
-- hash-chained: hash = SM3(prev_hash ‖ canonical row), computed by the application (AuditAppender; the
-- Javadoc of CanonicalRow defines the canonical row). The id comes from the sequence under an advisory lock,
-- so id order is chain order and the id itself is hashed.
create sequence audit_entry_id_seq as bigint;

create table audit_entry (
    id             bigint      primary key,
    occurred_at    timestamptz not null,
    recorded_at    timestamptz not null default now(),
    actor          text        not null,
    action         text        not null,
    entity_type    text        not null,
    entity_id      text,
    region_code    varchar(12) collate "C",     -- null: visible only to a whole-country scope
    client_address text,
    reason         text,
    fields         text[]      not null default '{}',  -- names only, never values
    prev_hash      bytea,                       -- null only for the first row
    hash           bytea       not null,
    check (octet_length(hash) = 32 and (prev_hash is null or octet_length(prev_hash) = 32))
);
alter sequence audit_entry_id_seq owned by audit_entry.id;

-- The searches of the audit page: by actor, by record, by action, by time, and the data-scope range.
create index audit_entry_actor_idx on audit_entry (actor, occurred_at);
create index audit_entry_entity_idx on audit_entry (entity_type, entity_id);
create index audit_entry_action_idx on audit_entry (action, occurred_at);
create index audit_entry_occurred_at_idx on audit_entry (occurred_at, id);
create index audit_entry_region_idx on audit_entry (region_code, occurred_at);

-- Rows are never changed or removed, not even by a bug in the application. (The owner can still disable
-- the triggers; that is what the hash chain and its verification are for.)
create function audit_entry_refuse_change() returns trigger
    language plpgsql as $$
begin
    raise exception 'audit_entry is append-only: % is not allowed', tg_op
        using errcode = 'insufficient_privilege',
              hint = 'Audit rows can only be inserted; corrections are new entries.';
end
$$;

create trigger audit_entry_no_update before update on audit_entry
    for each row execute function audit_entry_refuse_change();
create trigger audit_entry_no_delete before delete on audit_entry
    for each row execute function audit_entry_refuse_change();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_entry_refuse_change();
