/**
 * Everything done to a request once it is in: triage, assignment with ranked suggestions, acceptance, referral,
 * resolution, closure, follow-up and the resident's own actions, each guarded by the {@code HelpRequest} or
 * {@code Referral} aggregate; the staff request page and API. {@link org.wushe.requests.casework.HelpRequestCases}
 * and {@link org.wushe.requests.casework.HelpRequestViews} are public for intake's status page and triage's job.
 */
package org.wushe.requests.casework;
