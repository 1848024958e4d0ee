-- Two-factor sign-in: the TOTP secret is stored SM4-encrypted in access_account.totp_secret; the last
-- accepted time step stops a code from being used twice.
alter table access_account add column totp_last_step bigint not null default 0;
