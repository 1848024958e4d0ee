-- Address substring search in the worklist, for a user scoped to a district or below: the trigram index alone
-- matched city-wide, and the district condition was applied afterwards on the table itself. With 10,000,000
-- requests the benchmark (bench/, P4) read 3,337 heap blocks per search to keep 5 % of them (p95 178 ms).
-- This index carries the district (the first six digits of region_code) beside the trigrams, so the search
-- reads only rows of the districts in scope (WorklistQueries adds that equality). btree_gin is trusted since
-- PostgreSQL 13, like the extensions of V20261129_0200. Searches across a whole city still use the trigrams.
create extension if not exists btree_gin;
create index requests_help_request_district_address_idx on requests_help_request
    using gin ((left(region_code, 6)), address_search gin_trgm_ops);
drop index requests_help_request_address_trgm_idx;
