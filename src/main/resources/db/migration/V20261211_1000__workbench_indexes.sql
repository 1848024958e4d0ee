-- The home page's workbench counts what needs a street's staff now, one query each within their scope.
-- Open requests by region (with what the overdue test reads), so that the open, P1 and overdue counts of a street
-- read only that street's open requests, by index only, instead of every request it ever had.
create index requests_help_request_open_region_idx on requests_help_request (region_code, priority)
    include (first_contact_due, resolution_due, first_contact_at)
    where status not in ('RESOLVED', 'CLOSED', 'CANCELLED');
-- Open verification tasks of all campaigns by community (the existing index leads with the campaign).
create index residents_verification_task_open_community_idx on residents_verification_task (community_code)
    where outcome is null;
-- Today's missed check-ins by community (the existing index orders by raise time, not by day).
create index residents_checkin_alert_day_idx on residents_checkin_alert (check_date, level, community_code);
