-- Administrative divisions. The code is the path: every region under a district, street or city has a
-- code that starts with that region's significant prefix (310104 → 310104xxx…), so "everything under X"
-- is the primary-key range [region_prefix(X), region_upper(X)) on a C-collated column.
create function region_level(code text) returns text
    language sql immutable strict parallel safe
    return case length(code)
        when 12 then 'VILLAGE'
        when 9 then 'TOWNSHIP'
        else case
            when substr(code, 3) = '0000' then 'PROVINCE'
            when substr(code, 5) = '00' then 'CITY'
            else 'COUNTY' end end;

create table region_region (
    code        varchar(12) collate "C" primary key,
    name        text        not null,
    level       text        generated always as (region_level(code)) stored,
    parent_code varchar(12) collate "C" references region_region (code),
    source      text        not null,
    check (length(code) in (6, 9, 12) and code ~ '^[0-9]+$'),
    check ((region_level(code) = 'PROVINCE') = (parent_code is null))
);
create index region_region_parent_idx on region_region (parent_code, code);
create index region_region_name_trgm_idx on region_region using gin (name gin_trgm_ops);

-- Significant digits of a code: 31 (province 310000), 3101 (city 310100), 310104, 310104003, 12 digits.
create function region_prefix(code text) returns text
    language sql immutable strict parallel safe
    return case
        when length(code) <> 6 then code
        when substr(code, 3) = '0000' then substr(code, 1, 2)
        when substr(code, 5) = '00' then substr(code, 1, 4)
        else code end;

-- Exclusive upper bound of a subtree: the prefix plus one (3101 → 3102). Zeros that the carry creates
-- are dropped, down to six digits, so that 310104999's bound is 310105 and not 310105000 (which would let
-- the district 310105 into the range). Mirrors RegionCode.subtreeUpperBound().
create function region_upper(code text) returns text
    language sql immutable strict parallel safe
    return (select left(lpad((p::numeric + 1)::text, length(p), '0'),
                        greatest(length(rtrim(p, '9')), least(length(p), 6)))
            from (select region_prefix(code) as p) prefix);

-- Which built-in data sets have been loaded (checked at start-up; loaded once per database).
create table region_dataset (
    name         text primary key,
    region_count int         not null,
    loaded_at    timestamptz not null default now()
);

-- 封控区 / 管控区 / 防范区 per region, with history: the current level of a region is its latest record
-- already in effect, else its nearest ancestor's.
create table region_control_level (
    id             bigint generated always as identity primary key,
    region_code    varchar(12) collate "C" not null references region_region (code),
    level          text        not null check (level in ('LOCKDOWN', 'CONTROL', 'PREVENTION', 'NONE')),
    effective_from timestamptz not null,
    reason         text        not null,
    recorded_by    text,
    recorded_at    timestamptz not null default now()
);
create index region_control_level_region_idx on region_control_level (region_code, effective_from desc);
