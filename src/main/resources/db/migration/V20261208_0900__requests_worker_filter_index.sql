-- The worklist can now be filtered by one social worker (a picker on /requests): worker_id = :id over every
-- request, closed ones too. The only index on worker_id is partial (open assignments, for dispatch suggestions),
-- so the filter scanned by the order's index instead; this one serves the filter at any status.
create index requests_help_request_worker_id_idx on requests_help_request (worker_id) where worker_id is not null;
