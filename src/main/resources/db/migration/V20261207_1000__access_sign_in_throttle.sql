-- Failed sign-ins are counted per account AND client address (issue 13 item 7), so that nobody can lock a known
-- account for everyone from one address: five failures within 15 minutes block that address for that account
-- for 15 minutes. access_account.failed_attempts / locked_until become the slower account-wide limit (50
-- failures within an hour from all addresses lock the account for an hour); the window starts at its first failure.
create table access_sign_in_failure (
    account_id     bigint      not null references access_account (id) on delete cascade,
    client_address text        not null,
    failures       int         not null,
    window_start   timestamptz not null,
    locked_until   timestamptz,
    primary key (account_id, client_address)
);

alter table access_account add column failure_window_start timestamptz;
