/**
 * Who is told about a resident at risk and the telling (in-app notice plus an audit record). A slice of its own
 * because three slices raise or address alerts — assessments (self-harm), check-ins (help asked, deadline missed)
 * and cases (the social workers covering a community) — and none of them should depend on another for it; it is
 * not {@code notify}'s, which knows nothing of residents, communities' staff or the directory's social workers.
 */
package org.wushe.residents.alerts;
