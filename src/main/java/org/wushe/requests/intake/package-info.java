/**
 * How a request comes in: the resident's phone page and its JSON twin (SMS code, rate limits, status page by
 * tracking code), staff recording a call, forwarding systems; validation to typed values, then one insert.
 * {@link org.wushe.requests.intake.HelpRequests} is the façade other modules call; the demo requests are seeded here.
 */
package org.wushe.requests.intake;
