-- When a volunteer can usually serve: 7 days x morning/afternoon/evening as a 21-bit mask,
-- bit (isoDayOfWeek - 1) * 3 + slot (0 morning, 1 afternoon, 2 evening). 0 = not said.
alter table directory_volunteer
    add column weekly_slots integer not null default 0 check (weekly_slots between 0 and 2097151);
