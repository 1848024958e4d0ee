-- The statistics' ledger: one row for each service delivered, appended by the listeners of the other modules'
-- events. Ids of who delivered it, the community where, never a resident's personal data. The application role
-- may only insert and read it (a table whose name ends in _ledger is append-only: ApplicationRoleGrants).
create table statistics_service_ledger (
    id                bigint generated always as identity primary key,
    -- what the row counts, and the key that makes a redelivered event count once
    source            text        not null check (source in ('HELP_REQUEST', 'VISIT', 'CHECK_IN',
                                      'VERIFICATION_TASK', 'CASE', 'VOLUNTEER_SHIFT')),
    source_key        text        not null,
    service_type      text        not null,
    community_code    varchar(12) collate "C" not null,
    occurred_at       timestamptz not null,
    day               date        not null, -- the day in China time
    organisation_id   bigint,
    organisation_kind text        not null,
    social_worker_id  bigint,
    volunteer_id      bigint,
    person_times      int         not null check (person_times >= 0),
    hours             numeric(10, 2) not null default 0 check (hours >= 0),
    recorded_at       timestamptz not null,
    unique (source, source_key, service_type)
);
create index statistics_service_ledger_day_idx on statistics_service_ledger (day, community_code);

-- Kept by the listener in the ledger row's own transaction, so a figure up the region tree is a sum over a few
-- thousand of these rows instead of a scan of the ledger. Rebuildable from the ledger (StatisticsRebuild).
create table statistics_daily_rollup (
    day               date        not null,
    community_code    varchar(12) collate "C" not null,
    service_type      text        not null,
    organisation_kind text        not null,
    records           bigint      not null,
    person_times      bigint      not null,
    hours             numeric(14, 2) not null,
    primary key (day, community_code, service_type, organisation_kind)
);
create index statistics_daily_rollup_community_idx on statistics_daily_rollup (community_code, day);
