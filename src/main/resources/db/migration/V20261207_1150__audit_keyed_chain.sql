-- Issue 13: the chain becomes keyed. chain_version 1 = hash is plain SM3 (every row written before this
-- migration keeps 1 and stays verifiable as it was); 2 = HMAC-SM3 under the chain key, which the application
-- derives from WUSHE_CRYPTO_INDEX_KEY and never stores here. The first keyed row chains onto the last SM3 row,
-- so a forged SM3 past can no longer be recomputed into a valid chain. No default from now on: the writer
-- states the version of every row it inserts. (ADD COLUMN with a constant default rewrites no row.)
alter table audit_entry add column chain_version smallint not null default 1
    check (chain_version in (1, 2));
alter table audit_entry alter column chain_version drop default;

comment on column audit_entry.chain_version is
    '1: hash = SM3(prev || canonical row v1); 2: hash = HMAC-SM3(chain key, prev || canonical row v2), ids without gaps';
comment on sequence audit_entry_id_seq is
    'Highest audit_entry id ever committed (moved up by the chain writer after each batch); ids themselves are last id + 1';
