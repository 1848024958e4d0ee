-- Which staff account has opened which request (issue 15, item 2): the worklist marks the open P1 requests the
-- viewer has not opened yet. One row per account and request, written when the request page is first opened.
create table requests_seen (
    request_id bigint      not null references requests_help_request (id),
    account_id bigint      not null,
    seen_at    timestamptz not null,
    primary key (request_id, account_id)
);
