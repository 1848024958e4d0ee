-- Issue 15 item 11: the number an organisation publishes for the public (a station's hotline, e.g. 021-64XXXXXX or
-- a short service number like 12345), shown on the resident's request status page. Not personal data (unlike
-- contact_phone_cipher, a contact person's phone): stored in clear, written in the display form the directory
-- validated. Null when none is published; then the status page says nothing.
alter table directory_organisation add column public_phone varchar(20);
