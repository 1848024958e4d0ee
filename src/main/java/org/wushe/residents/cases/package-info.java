/**
 * Case work (个案) after MZ/T 094-2017: the {@code CaseFile} aggregate that moves one stage at a time, encrypted
 * notes readable only by the worker, the supervisor and admins in scope, the store, pages and API.
 */
package org.wushe.residents.cases;
