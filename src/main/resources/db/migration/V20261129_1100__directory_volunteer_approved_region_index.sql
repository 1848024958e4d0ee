-- Dispatch pools (DispatchCandidates) read approved volunteers by region in index order: a region range, or the
-- district on either side of the place, stopped after 100 rows; and they check that the volunteers serving the
-- place are approved, one by one. With only (region_code, id) and the primary key, every row read visited the
-- heap for its status (13 ms for one street's 513 volunteers in the benchmark, bench/ P3); these partial indexes
-- answer both from the index alone.
create index directory_volunteer_approved_region_idx on directory_volunteer (region_code, id) where status = 'APPROVED';
create index directory_volunteer_approved_id_idx on directory_volunteer (id) where status = 'APPROVED';
