-- Extensions the modules rely on. All are "trusted" since PostgreSQL 13, so an external database owner
-- without superuser rights can create them too.
create extension if not exists pg_trgm;
create extension if not exists ltree;
create extension if not exists btree_gist;
create extension if not exists pgcrypto;
create extension if not exists cube;
create extension if not exists earthdistance;

-- Spring Modulith's event publication registry (schema v2 of spring-modulith-events-jdbc 2.0), so that
-- no event between modules is lost when a listener fails or the node stops.
create table event_publication (
    id                     uuid        not null primary key,
    listener_id            text        not null,
    event_type             text        not null,
    serialized_event       text        not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamptz
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);

create table event_publication_archive (like event_publication including all);
