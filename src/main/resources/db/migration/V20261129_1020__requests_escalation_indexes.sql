-- The escalation job's second and third look-ups had no index that fits them: with 10,000,000 open requests
-- the benchmark (bench/, P4 at 10 M) measured 2.0 s for "level 1, escalated before …, oldest first" (a scan of
-- every open request). Both indexes are partial and hold only the few rows the job is looking for.
create index requests_help_request_escalated_idx on requests_help_request (escalated_at)
    where escalation_level = 1 and status not in ('RESOLVED', 'CLOSED', 'CANCELLED');
create index requests_help_request_unconfirmed_idx on requests_help_request (resolved_at)
    where status in ('RESOLVED', 'CLOSED') and confirmed_at is null;
