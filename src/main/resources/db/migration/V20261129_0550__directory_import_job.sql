-- The status of a running or finished import, kept in PostgreSQL so that any application node can answer the
-- progress poll of the importer's page. Counts are updated after every chunk of rows; updated_at doubles as a
-- heartbeat (a RUNNING job whose node died stops beating and is reported as interrupted).
create table directory_import_job (
    id            uuid        primary key,
    entity_type   text        not null,
    created_by    text        not null,
    state         text        not null default 'RUNNING' check (state in ('RUNNING', 'DONE', 'FAILED')),
    filename      varchar(200),
    rows_read     bigint      not null default 0,
    rows_written  bigint      not null default 0,
    rows_rejected bigint      not null default 0,
    result_id     uuid,
    problem_key   text,
    problem_args  text[]      not null default '{}',
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    finished_at   timestamptz
);
create index directory_import_job_owner_idx on directory_import_job (created_by, created_at desc);

-- Volunteers can be imported from a station's existing roster: they come in APPROVED (with a 公益护照号) and
-- record who imported them; their consent was collected by the station, outside Wushe.
alter table directory_volunteer add column imported_by text;
