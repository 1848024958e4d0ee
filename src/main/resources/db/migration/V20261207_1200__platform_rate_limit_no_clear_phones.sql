-- Rate limits per phone were keyed by the phone number in clear; they are now keyed by a keyed hash of it
-- (CryptoService.rateLimitKey). Drop every bucket whose key holds a mobile or ID number: buckets last an hour,
-- so losing them only resets the count of those phones once.
delete from platform_rate_limit
where key ~ '1[3-9][0-9]{9}' or key ~ '[0-9]{17}[0-9Xx]';
