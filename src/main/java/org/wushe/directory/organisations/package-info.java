/**
 * Organisations and stations: the {@link org.wushe.directory.organisations.Organisation} aggregate (status,
 * verification by civil affairs) behind the {@link org.wushe.directory.organisations.Organisations} façade, the
 * scoped queries (also read by the social workers' slice), the list, detail and form pages with their API, the
 * xlsx export and the import's columns.
 */
package org.wushe.directory.organisations;
