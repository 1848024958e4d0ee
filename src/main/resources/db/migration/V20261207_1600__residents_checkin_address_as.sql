-- Issue 15 item 12: the form of address (称呼, e.g. 张阿姨) staff chose at enrolment, by which the resident's daily
-- check-in page greets them. Personal data tied to one person: stored encrypted (SM4-GCM, bound to
-- residents_checkin_enrolment.address_as), never searched. Enrolments made before it have none (a plain greeting).
alter table residents_checkin_enrolment add column address_as_cipher bytea;
