/**
 * The daily check-in of elderly residents living alone: enrolment and personal links, the public check-in page,
 * check-ins recorded by staff, and the scan that raises alerts for missed deadlines (safe on several nodes).
 */
package org.wushe.residents.checkins;
