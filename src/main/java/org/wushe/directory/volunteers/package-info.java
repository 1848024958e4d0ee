/**
 * Volunteers: public phone-first registration (SMS codes, {@code PhoneCodes}), review and approval with a
 * 公益护照号 and an account ({@link org.wushe.directory.volunteers.Volunteers}), self-service activation of an
 * imported volunteer's account ({@code VolunteerActivations}), the volunteer's own page, the store, the staff pages,
 * API, export and the roster import's columns.
 */
package org.wushe.directory.volunteers;
