-- related_request_id references requests_help_request(id) but had no index, so removing requests (a purge of a
-- region after an emergency, the benchmark's clean-up of its 1,000,000 requests) checked every removed row
-- against the whole table: the benchmark's clean-up ran for over 18 minutes. Few requests have a related one,
-- so the index is partial; the foreign-key check (related_request_id = $1) can use it.
create index requests_help_request_related_idx on requests_help_request (related_request_id)
    where related_request_id is not null;
