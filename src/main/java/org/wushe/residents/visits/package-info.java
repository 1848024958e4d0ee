/**
 * Visits to residents (电话询访, 视频慰问, 入户走访) with encrypted notes, the visit plan by risk level and the
 * overdue list computed from it, with their pages and API.
 */
package org.wushe.residents.visits;
