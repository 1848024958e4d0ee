/**
 * Social workers: the {@link org.wushe.directory.socialworkers.SocialWorkers} façade (validation shared by form,
 * API and import), their store with the ID number and phone encrypted and blind-indexed, the counts by organisation
 * and region, the pages, API, export and the import's columns. The façade, its details and its not-found exception
 * form the named interface {@code directory::socialworkers}.
 */
package org.wushe.directory.socialworkers;
