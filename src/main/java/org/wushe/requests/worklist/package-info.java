/**
 * The staff worklist, "my requests" and the xlsx export: {@link org.wushe.requests.worklist.WorklistQuery} turns the
 * URL into a typed {@link org.wushe.requests.worklist.WorklistFilter} and makes the links that carry it;
 * {@code WorklistQueries} only writes the SQL. The façade is public for the benchmark harness.
 */
package org.wushe.requests.worklist;
