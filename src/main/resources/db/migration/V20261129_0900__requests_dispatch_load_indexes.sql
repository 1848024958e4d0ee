-- Assignment suggestions count each candidate's open assignments (Matching: worker_id / volunteer_id = any(…)
-- and status in ASSIGNED, ACCEPTED, IN_PROGRESS). Only worker_account_id / volunteer_account_id were indexed, so
-- each suggestion scanned every request: the benchmark (bench/, P3) measured it with 1,000,000 open requests.
-- Partial indexes: only assigned, open requests are in them, so they stay small and cheap to maintain.
create index requests_help_request_worker_open_idx on requests_help_request (worker_id)
    where status in ('ASSIGNED', 'ACCEPTED', 'IN_PROGRESS');
create index requests_help_request_volunteer_open_idx on requests_help_request (volunteer_id)
    where status in ('ASSIGNED', 'ACCEPTED', 'IN_PROGRESS');
