-- Dispatch candidates (DispatchCandidates.socialWorkers) look up the social workers serving a region by the
-- served region's code; only (social_worker_id, region_code) was indexed, so the look-up scanned every served
-- region: 190 ms with 60,000 social workers in the benchmark (bench/, P3). Volunteers already had this index.
create index directory_social_worker_region_code_idx on directory_social_worker_region (region_code, social_worker_id);
