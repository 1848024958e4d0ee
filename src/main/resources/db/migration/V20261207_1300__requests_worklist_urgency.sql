-- The worklist's default order is "most urgent first" (issue 15, item 1): overdue first, then by the deadline that
-- matters now, then priority. work_due is that deadline: first contact until someone has made it (accepting or
-- starting a request records it), then resolution; null once the request is resolved, closed or cancelled, so
-- those come after every open request. An open request is overdue exactly when work_due has passed, so ordering
-- by work_due puts the overdue ones first without a "now" in the index.
-- Keyset pagination over the open requests runs on (work_due, priority, id); the closed ones follow newest first
-- (requests_help_request_region_idx and the primary key serve them as before).
alter table requests_help_request add column work_due timestamptz generated always as (
    case when status in ('RESOLVED', 'CLOSED', 'CANCELLED') then null
         when first_contact_at is null then first_contact_due
         else resolution_due end) stored;
create index requests_help_request_urgency_idx on requests_help_request (work_due, priority, id)
    where work_due is not null;
