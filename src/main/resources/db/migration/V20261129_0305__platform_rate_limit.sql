-- Fixed-window counters for rate limits on public endpoints, shared by all application nodes.
create table platform_rate_limit (
    bucket       text        not null,
    key          text        not null,
    window_start timestamptz not null,
    hits         int         not null,
    primary key (bucket, key, window_start)
);
