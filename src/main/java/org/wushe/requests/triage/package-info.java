/**
 * The triage rule table and the deadlines per priority (read at intake, edited by civil-affairs admins), and the
 * escalation job that moves overdue requests to the station, then the district, and confirms resolved ones.
 * {@link org.wushe.requests.triage.TriageRules} is public for intake.
 */
package org.wushe.requests.triage;
